import type { Page } from 'playwright-core';
import { inPage, openBenchPage, type BenchContext } from './benchTypes';

/** The passphrase of the bench's vault (meets the app's minimum: four uncommon words). */
export const BENCH_PASSPHRASE = 'mulberry kettle Drenica violin river';

/** An English label as the accessible name of a field (which may end in " (required)"). */
export const label = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);

export const params = (ctx: BenchContext, extra: Record<string, number | string> = {}) => ({
  scale: ctx.scale,
  ...extra,
});

/**
 * At S every save is its own transaction, as a monitor's form saves. L stands for HQ's years of
 * merged data, which no one types: its data set is loaded through the same repositories with
 * 500 saves to a transaction (what `store.inOneTransaction` is for), or it would take most of
 * an hour on two cores. The per-save cost at L is in the per-registration/visit figures.
 */
export const bulkBatch = (ctx: BenchContext) => (ctx.scale === 'L' ? 500 : 1);

/** The data set is in the store: written by store.write, or here once when that scenario was left out. */
export async function ensureData(ctx: BenchContext) {
  await ensureBenchPage(ctx);
  if (ctx.state.dataReady) return;
  ctx.log('writing the data set once (store.write was not selected)');
  await inPage(ctx.page, 'store.ensureData', params(ctx, { batch: bulkBatch(ctx) }));
  ctx.state.dataReady = true;
}

/** The bench page with the store open again, after a scenario left it (cold start does). */
export async function ensureBenchPage(ctx: BenchContext) {
  if (!ctx.state.benchPageLeft) return;
  // The cold-start page leaves the app (unlocked there) before the bench page opens it again.
  await (ctx.state.coldPage as Page | undefined)?.goto('about:blank');
  await openBenchPage(ctx, '#/households');
  await inPage(ctx.page, 'store.open', { passphrase: String(ctx.state.passphrase ?? '') });
  ctx.state.benchPageLeft = false;
}
