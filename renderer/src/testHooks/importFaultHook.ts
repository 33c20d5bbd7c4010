import Dexie, { type DBCore, type DBCoreTable, type Middleware } from 'dexie';
import { fromBase64, toBase64 } from '../../../shared/sync/bytes';
import { AppDatabase } from '../db/AppDatabase';
import type { StoreKeys } from '../db/encryption/storeKeys';
import { createSyncRepository } from '../db/repositories/syncRepository';
import { databaseDigest } from '../db/sync/databaseDigest';
import type { ImportProgress } from '../db/sync/importBundle';
import { loadWriteContext } from '../db/writeContext';
import { copyDatabase, faultDatabaseName } from './faultDatabases';
import { prepareFaultScenario, HQ_NOW, type FaultScenarioSize } from './faultScenario';

/**
 * The page side of the import fault test (e2e/importFault.spec.ts), installed as
 * `window.__pmFault` only when the page is opened with ?faulttest=1 (see reportRoutes.tsx).
 *
 * It works on databases of its own, named `pm-fault-…`, sealed with keys the test passes in: it
 * never opens a vault. `prepare` builds the starting HQ database (the template), the device's
 * bundle, and the two digests a run may end with: the template's ("before") and that of a copy
 * into which the bundle was imported ("after"). `startImport` copies the template and starts
 * the same import into the copy without waiting for it, announcing its progress as
 * `pm-fault:progress` window events; the test interrupts it on one of them.
 *
 * Both imports run with HQ's fixed clock and the template's actor, and with `crypto.randomUUID`
 * made to count from the same seed while they run (the ids of the audit entries they write), so
 * the two are the same down to the last byte and the digests leave out no table and no field.
 */

export const FAULT_PROGRESS_EVENT = 'pm-fault:progress';

export type FaultProgress =
  | ImportProgress
  /** A DBCore request of the merge transaction was answered by IndexedDB (uncommitted). */
  | { phase: 'tick'; n: number }
  /** The import promise settled: committed (`imported`) or refused. */
  | { phase: 'settled'; status: string; error?: string };

export interface HexKeys {
  fieldKey: string;
  blindIndexKey: string;
}

export interface PrepareParams {
  /** `pm-fault-<something unique>`: every database of the scenario starts with it. */
  prefix: string;
  keys: HexKeys;
  size?: Partial<FaultScenarioSize>;
}

export interface Prepared {
  before: string;
  after: string;
  /** The bundle (base64) and its file name, to hand back to `startImport`. */
  bundle: string;
  fileName: string;
  records: number;
  /** Ticks of the reference import's merge, and its durations. */
  ticks: number;
  verifyMs: number;
  mergeMs: number;
  report: {
    inserted: number;
    updated: number;
    unchanged: number;
    newConflicts: number;
    householdsRefreshed: number;
  };
}

const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((b) => parseInt(b, 16)));

function storeKeys(keys: HexKeys): StoreKeys {
  const fieldKey = fromHex(keys.fieldKey);
  const blindIndexKey = fromHex(keys.blindIndexKey);
  if (fieldKey.length !== 32 || blindIndexKey.length !== 32)
    throw new Error('The fault test keys are 32 bytes each');
  return { fieldKey, blindIndexKey };
}

const templateName = (prefix: string) => faultDatabaseName(prefix, 'hq');

function announce(progress: FaultProgress) {
  window.dispatchEvent(new CustomEvent(FAULT_PROGRESS_EVENT, { detail: progress }));
}

/** Audit entry ids from a counter, the same in every import of the scenario. */
async function withCountedUuids<T>(run: () => Promise<T>): Promise<T> {
  const original = crypto.randomUUID;
  let n = 0;
  crypto.randomUUID = () =>
    `fa000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}` as ReturnType<Crypto['randomUUID']>;
  try {
    return await run();
  } finally {
    crypto.randomUUID = original;
  }
}

/**
 * Counts the requests IndexedDB answers while `armed`, placed under the sealing middleware (next
 * to IndexedDB): each tick is a read or write of the merge transaction that has been done and
 * not yet committed.
 */
function tickMiddleware(onTick: () => void, armed: () => boolean): Middleware<DBCore> {
  const ticking = <T>(promise: Promise<T>): Promise<T> =>
    promise.then((value) => {
      if (armed()) onTick();
      return value;
    });
  return {
    stack: 'dbcore',
    name: 'FaultTestTicks',
    level: -20,
    create(down) {
      return {
        ...down,
        table(name): DBCoreTable {
          const table = down.table(name);
          return {
            ...table,
            get: (req) => ticking(table.get(req)),
            getMany: (req) => ticking(table.getMany(req)),
            query: (req) => ticking(table.query(req)),
            count: (req) => ticking(table.count(req)),
            mutate: (req) => ticking(table.mutate(req)),
          };
        },
      };
    },
  };
}

interface ImportRun {
  done: Promise<{ status: string; report?: Prepared['report'] }>;
  ticks: () => number;
  verifyMs: () => number;
  mergeMs: () => number;
}

/**
 * HQ's import of the bundle into `name`, through the sync repository as "Import a file…" does it,
 * on a database instance that also counts the merge's requests.
 */
async function startImportInto(
  name: string,
  keys: StoreKeys,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportRun> {
  let ticks = 0;
  let armed = false;
  const start = performance.now();
  let mergeStart = 0;
  let mergeEnd = 0;
  const db = new AppDatabase(name, keys);
  db.use(
    tickMiddleware(
      () => announce({ phase: 'tick', n: ++ticks }),
      () => armed,
    ),
  );
  await db.open();
  const ctx = await loadWriteContext(db, () => HQ_NOW);
  const sync = createSyncRepository(db, ctx);
  const done = withCountedUuids(() =>
    sync.importBundle(bytes, fileName, (progress) => {
      if (progress.phase === 'merging') {
        mergeStart = performance.now();
        armed = true;
      }
      if (progress.phase === 'done') {
        mergeEnd = performance.now();
        armed = false;
      }
      announce(progress);
    }),
  ).then(
    (outcome) => {
      announce({ phase: 'settled', status: outcome.status });
      const report =
        outcome.status === 'imported'
          ? {
              inserted: outcome.report.inserted,
              updated: outcome.report.updated,
              unchanged: outcome.report.unchanged,
              newConflicts: outcome.report.newConflicts.length,
              householdsRefreshed: outcome.report.householdsRefreshed,
            }
          : undefined;
      return { status: outcome.status, report };
    },
    (error: unknown) => {
      announce({
        phase: 'settled',
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
      });
      return { status: 'failed' };
    },
  );
  void done.finally(() => db.close());
  return {
    done,
    ticks: () => ticks,
    verifyMs: () => mergeStart - start,
    mergeMs: () => mergeEnd - mergeStart,
  };
}

/** The digest of every table of a fault test database, decrypted, nothing left out. */
async function digestOf(name: string, keys: StoreKeys): Promise<string> {
  const db = new AppDatabase(faultDatabaseName(name), keys);
  try {
    await db.open();
    return await databaseDigest(db);
  } finally {
    db.close();
  }
}

async function prepare({ prefix, keys: hexKeys, size }: PrepareParams): Promise<Prepared> {
  const keys = storeKeys(hexKeys);
  const scenario = await prepareFaultScenario(faultDatabaseName(prefix), keys, size);
  const before = await digestOf(templateName(prefix), keys);

  const reference = faultDatabaseName(prefix, 'reference');
  await copyDatabase(templateName(prefix), reference, keys);
  if ((await digestOf(reference, keys)) !== before)
    throw new Error('The copy of the HQ database differs from it');
  const run = await startImportInto(reference, keys, scenario.bundle.bytes, scenario.bundle.fileName);
  const outcome = await run.done;
  if (outcome.status !== 'imported' || !outcome.report)
    throw new Error(`The reference import ended ${outcome.status}`);
  const after = await digestOf(reference, keys);
  if (after === before) throw new Error('The bundle changed nothing');
  await Dexie.delete(reference);
  return {
    before,
    after,
    bundle: toBase64(scenario.bundle.bytes),
    fileName: scenario.bundle.fileName,
    records: scenario.bundle.header.counts.records,
    ticks: run.ticks(),
    verifyMs: Math.round(run.verifyMs()),
    mergeMs: Math.round(run.mergeMs()),
    report: outcome.report,
  };
}

/**
 * Copies the template to `name` and starts the import into it; resolves with the copy's digest
 * once the import has started. Progress follows as `pm-fault:progress` events.
 */
async function startImport(params: {
  prefix: string;
  name: string;
  keys: HexKeys;
  bundle: string;
  fileName: string;
}) {
  const keys = storeKeys(params.keys);
  const name = faultDatabaseName(params.name);
  await copyDatabase(templateName(params.prefix), name, keys);
  const before = await digestOf(name, keys);
  await startImportInto(name, keys, fromBase64(params.bundle), params.fileName);
  return { before };
}

/** The digest of a run's database after the interruption; the database is then deleted. */
async function digestAndDrop(params: { name: string; keys: HexKeys }): Promise<string> {
  const digest = await digestOf(params.name, storeKeys(params.keys));
  await Dexie.delete(faultDatabaseName(params.name));
  return digest;
}

const api = { ready: true as const, prepare, startImport, digest: digestAndDrop };
export type FaultHookApi = typeof api;

declare global {
  interface Window {
    __pmFault?: FaultHookApi;
  }
}

export function installImportFaultHook() {
  window.__pmFault = api;
}
