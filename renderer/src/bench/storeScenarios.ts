import { householdRegistrationSchema } from '../../../shared/households/householdSchema';
import { validateAnswers } from '../../../shared/questionnaires/questionnaireEngine';
import { questionnaires } from '../../../shared/questionnaires/registry';
import { shelterInputSchema } from '../../../shared/shelters/shelterSchema';
import { localToday } from '../../../shared/validation/fields';
import { householdVisitSchema } from '../../../shared/visits/householdVisitSchema';
import { shelterVisitSchema } from '../../../shared/visits/shelterVisitSchema';
import { referralWriteSchema } from '../db/repositories/referralRepository';
import { registerBenchScenario, type BenchParams } from '../features/reports/bench/pageBench';
import { benchStore, clearBenchData, openBenchStore, readAllRecords } from './benchStore';
import { cipherCosts, rawBulkWrite, sealedBulkWrite } from './bulkWrites';
import { generateDataset, type Dataset, type Scale } from './dataset/generateDataset';
import { searchQueries } from './dataset/searchQueries';
import { dashboardRun, householdListRun, nameSearchRun, referralListRun, shelterListRun } from './queryRuns';
import { writeThroughRepositories } from './writeDataset';
// Sync's scenario registers itself beside these.
import './syncScenario';

/**
 * The store scenarios of `npm run bench` (bench/storeBench.ts drives them): writing the data set
 * through the repositories against bulk writes of the same records, list pages, name search,
 * the dashboard (sync: syncScenario.ts). Loaded only with ?bench=1, through pageBench.
 */
const ID = '00000000-0000-4000-8000-000000000001';
let cached: Dataset | null = null;

const scaleOf = (params: BenchParams): Scale =>
  params.scale === 'L' || params.scale === 'XS' ? params.scale : 'S';
const countOf = (params: BenchParams, fallback: number) => Number(params.count ?? fallback);
const seedOf = (params: BenchParams) => Number(params.seed ?? 1);

function dataset(params: BenchParams): Dataset {
  const scale = scaleOf(params);
  const seed = Number(params.datasetSeed ?? 2026);
  const until = localToday();
  if (!cached || cached.scale !== scale || cached.seed !== seed || cached.until !== until) {
    cached = null; // let the previous one be collected first
    cached = generateDataset({ scale, seed, until });
  }
  return cached;
}

/** What validation alone costs: the shared schemas and the questionnaire checks on every input. */
function validateAll(data: Dataset): number {
  const start = performance.now();
  for (const s of data.shelters) shelterInputSchema.parse(s.input);
  for (const h of data.households) {
    const household = { ...h.registration.household, shelterId: h.shelterIndex === null ? '' : ID };
    householdRegistrationSchema.parse({ ...h.registration, household });
  }
  for (const v of data.shelterVisits) shelterVisitSchema.parse({ ...v.input, shelterId: ID });
  for (const v of data.householdVisits) {
    const input = householdVisitSchema.parse({ ...v.input, householdId: ID });
    validateAnswers(
      questionnaires.questionnaireVersion(input.questionnaireId, input.questionnaireVersion)!,
      input.answers,
      input.visitDate,
    );
  }
  for (const r of data.referrals) referralWriteSchema.parse({ ...r.input, householdId: ID, visitId: ID });
  return performance.now() - start;
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

registerBenchScenario('store.open', {
  prepare: () => undefined,
  run: async (_, params) =>
    openBenchStore(typeof params.passphrase === 'string' ? params.passphrase : undefined),
});

registerBenchScenario('store.write', {
  async prepare(params) {
    const data = dataset(params);
    await clearBenchData();
    return data;
  },
  async run(data, params) {
    const { store, clock } = benchStore();
    const batch = Number(params.batch ?? 1);
    const app = await writeThroughRepositories(store, clock, data, Infinity, batch);
    const records = await readAllRecords();
    const stored = Object.values(records).reduce((sum, rows) => sum + rows.length, 0);
    if (stored !== app.records) throw new Error(`Wrote ${app.records} records but ${stored} are stored`);
    const rawMs = await rawBulkWrite(records);
    const sealedMs = await sealedBulkWrite(records);
    const validationMs = validateAll(data);
    const cipher = await cipherCosts(records);
    const perSecond = (ms: number) => round((app.records / ms) * 1000);
    return {
      records: app.records,
      calls: app.calls,
      savesPerTransaction: batch,
      appMs: round(app.durationMs),
      appRecordsPerSecond: perSecond(app.durationMs),
      rawMs: round(rawMs),
      rawRecordsPerSecond: perSecond(rawMs),
      sealedMs: round(sealedMs),
      sealedRecordsPerSecond: perSecond(sealedMs),
      validationMs: round(validationMs),
      encodeMs: round(cipher.encodeMs),
      xchachaMs: round(cipher.xchachaMs),
      nobleGcmMs: round(cipher.nobleGcmMs),
      webCryptoGcmMs: round(cipher.webCryptoMs),
      sealedBytes: cipher.bytes,
      ...Object.fromEntries(Object.entries(app.msPerCall).map(([kind, ms]) => [`msPer_${kind}`, ms])),
      appToRaw: round(rawMs / app.durationMs, 3),
      sealedToRaw: round(rawMs / sealedMs, 3),
    };
  },
});

/** A first part of the timeline only, through the repositories: for profiling the write path. */
registerBenchScenario('store.writeSample', {
  async prepare(params) {
    const data = dataset(params);
    await clearBenchData();
    return data;
  },
  async run(data, params) {
    const { store, clock } = benchStore();
    const report = await writeThroughRepositories(
      store,
      clock,
      data,
      Number(params.events ?? 1000),
      Number(params.batch ?? 1),
    );
    return { calls: report.calls, durationMs: round(report.durationMs), ...report.msPerCall };
  },
});

/** Writes the data set once when the store is empty (for runs that skip store.write). */
registerBenchScenario('store.ensureData', {
  prepare: (params) => dataset(params),
  async run(data, params) {
    const { store, clock } = benchStore();
    const present = await store.households.count({});
    if (present > 0) return { written: 0, households: present };
    await clearBenchData();
    const report = await writeThroughRepositories(store, clock, data, Infinity, Number(params.batch ?? 1));
    return { written: report.records, households: data.households.length };
  },
});

registerBenchScenario('store.list.households', {
  prepare: () => undefined,
  run: (_, params) => householdListRun(benchStore().store, countOf(params, 200), seedOf(params)),
});
registerBenchScenario('store.list.referrals', {
  prepare: () => undefined,
  run: (_, params) => referralListRun(benchStore().store, countOf(params, 200), seedOf(params)),
});
registerBenchScenario('store.list.shelters', {
  prepare: () => undefined,
  run: (_, params) => shelterListRun(benchStore().store, countOf(params, 200), seedOf(params)),
});
registerBenchScenario('store.search', {
  prepare: (params) => searchQueries(dataset(params), countOf(params, 200), seedOf(params)),
  run: (queries) => nameSearchRun(benchStore().store, queries),
});
registerBenchScenario('store.dashboard', {
  prepare: () => undefined,
  run: (_, params) => dashboardRun(benchStore().store, countOf(params, 20)),
});

/**
 * The memory scenario's work: a round of list pages and name searches. The queries are made
 * from the data set, which is then dropped, so the heap measured after holds what the app holds.
 */
registerBenchScenario('store.queries', {
  prepare(params) {
    const queries = searchQueries(dataset(params), countOf(params, 200), seedOf(params));
    cached = null;
    return queries;
  },
  async run(queries, params) {
    const { store } = benchStore();
    const list = await householdListRun(store, countOf(params, 200), seedOf(params));
    const search = await nameSearchRun(store, queries);
    return { listP95Ms: list.queryP95Ms!, searchP95Ms: search.queryP95Ms! };
  },
});
