import { questionnaires as installedQuestionnaires } from '../../../../shared/questionnaires/registry';
import { sealAuditEntry } from '../../../../shared/records/auditHash';
import type { AuditEntry } from '../../../../shared/records/recordMeta';
import { stampDevice, type FieldConflict, type StoredRecord } from '../../../../shared/sync/fieldVersions';
import type { HybridLogicalClock } from '../../../../shared/sync/hlc';
import { mergeRecord, type ConflictEntry } from '../../../../shared/sync/merge';
import {
  createReferenceBundle,
  LEFT_OUT_DEFAULTS,
  missingQuestionnaires,
  readReferenceBundle,
  REFERENCE_TABLES,
  referenceFileName,
  type QuestionnaireRef,
  type ReferenceContent,
  type ReferenceHeader,
  type ReferenceLimits,
  type ReferenceTable,
} from '../../../../shared/sync/referenceBundle';
import type { AppDatabase } from '../AppDatabase';
import type { StorageGuard } from '../storageGuard';
import { META_KEYS } from '../writeContext';
import { conflictRowId, toConflictRow } from './conflicts';
import type { TableCounts } from './importBundle';
import { auditDraft, describeIssues, type AuditDraft } from './mergeBundle';
import { deriveForTable } from './syncDerive';
import { refusingAs } from './syncFileError';
import { validateStoredSyncedRecord } from './syncTables';

/**
 * Reference data (docs/sync-format.md §14): HQ writes its shelter registry, its referral
 * partners and the questionnaire versions it runs into one signed file for every device; a
 * device verifies it with the organisation's key and merges the records field by field, as HQ
 * merges a device's bundle, so a device's own edits that HQ has not seen yet are kept.
 */

/** Device: what the last reference file applied said (`meta`, key `sync.referenceData`). */
export interface ReferenceDataState {
  /** HQ's clock when it made the file; only a later one is applied. */
  version: string;
  createdAt: string;
  appliedAt: string;
  fileName: string;
  /** The questionnaire versions HQ runs, and those among them this build does not have. */
  questionnaires: QuestionnaireRef[];
  missingQuestionnaires: QuestionnaireRef[];
}

export const REFERENCE_STATE_KEY = 'sync.referenceData';

export async function referenceDataState(db: AppDatabase): Promise<ReferenceDataState | null> {
  const value = (await db.meta.get(REFERENCE_STATE_KEY))?.value;
  return value && typeof value === 'object' ? (value as ReferenceDataState) : null;
}

/** The questionnaire versions this build has (code-defined: a device cannot install one at run time). */
export const installedQuestionnaireRefs = (): QuestionnaireRef[] =>
  installedQuestionnaires.all().map((q) => ({ id: q.id, version: q.version }));

// ---------------------------------------------------------------------------------------------
// HQ

export interface ReferenceSigner {
  organisationSigningKey: CryptoKey;
  /** The organisation fingerprint (over both keys), as in the organisation file. */
  organisationFingerprint: string;
  /** HQ's clock: the file's version is its next stamp, later than everything HQ has seen. */
  clock: HybridLogicalClock;
  now?: () => Date;
  /** Default: the versions this build runs. */
  questionnaires?: readonly QuestionnaireRef[];
  limits?: Partial<ReferenceLimits>;
}

export interface CreatedReferenceBundle {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  header: ReferenceHeader;
}

/**
 * HQ's shelters and organisations as they are now, tombstones included, with their stamps (so
 * devices merge them field by field), reduced to the reference fields and signed.
 */
export async function createReferenceBundleFor(
  db: AppDatabase,
  signer: ReferenceSigner,
): Promise<CreatedReferenceBundle> {
  const [shelters, organisations] = await db.transaction('r', [db.shelters, db.organisations], () =>
    Promise.all([db.shelters.toArray(), db.organisations.toArray()]),
  );
  const version = signer.clock.now();
  const { bytes, header } = await createReferenceBundle({
    organisationSigningKey: signer.organisationSigningKey,
    organisationFingerprint: signer.organisationFingerprint,
    version,
    createdAt: (signer.now ?? (() => new Date()))().toISOString(),
    shelters: shelters as unknown as StoredRecord[],
    organisations: organisations as unknown as StoredRecord[],
    questionnaires: signer.questionnaires ?? installedQuestionnaireRefs(),
    limits: signer.limits,
  });
  // The clock restarts from `lastHlc`: keep the version there, so HQ's next file is later even
  // if the computer's clock goes back.
  await db.transaction('rw', db.meta, async () => {
    const last = (await db.meta.get(META_KEYS.lastHlc))?.value;
    if (typeof last !== 'string' || version > last)
      await db.meta.put({ key: META_KEYS.lastHlc, value: version });
  });
  return { bytes, fileName: referenceFileName(version), header };
}

// ---------------------------------------------------------------------------------------------
// Device

export interface ApplyReferenceContext {
  /** From the organisation file the device was set up with. */
  organisation: { signingKey: CryptoKey; fingerprint: string };
  /** Who imports, for the audit entries. */
  actor: string;
  /** The device's clock: moved past HQ's version, so the device's next edit is later than HQ's. */
  clock?: HybridLogicalClock;
  now?: () => Date;
  storageGuard?: StorageGuard;
  limits?: Partial<ReferenceLimits>;
  /** Default: the versions this build has. */
  installedQuestionnaires?: readonly QuestionnaireRef[];
}

export interface ReferenceReport extends TableCounts {
  byTable: Record<ReferenceTable, TableCounts>;
  /** Concurrent versions the merge kept that were not kept before (a device edit HQ has not seen). */
  newConflicts: ConflictEntry[];
  /** Records the field merge left breaking a rule of their schema: reported, not refused (docs §7). */
  invalidAfterMerge: { table: string; id: string; message: string }[];
}

export type ReferenceOutcome =
  | {
      status: 'applied';
      fileName: string;
      header: ReferenceHeader;
      report: ReferenceReport;
      /** Questionnaire versions HQ runs that this build does not have: an app update is needed. */
      missingQuestionnaires: QuestionnaireRef[];
    }
  /** This version, or a later one, was applied before: nothing changed. */
  | {
      status: 'already-applied';
      fileName: string;
      header: ReferenceHeader;
      appliedVersion: string;
      missingQuestionnaires: QuestionnaireRef[];
    };

function maxStampOf(content: ReferenceContent): string {
  let max = content.header.version;
  const see = (stamp: string) => {
    if (stamp > max) max = stamp;
  };
  for (const record of [...content.shelters, ...content.organisations]) {
    see(record.hlc);
    Object.values(record.fieldHlc).forEach(see);
    Object.values(record.fieldBase ?? {}).forEach((base) => base.forEach(see));
  }
  return max;
}

const clockPart = (stamp: string) => stamp.slice(0, 22);

/** Left-out fields a record lacks (HQ's record new to this device), then the derived fields. */
const deriveReference = (db: AppDatabase, table: ReferenceTable) => (record: StoredRecord) => ({
  ...Object.fromEntries(
    Object.entries(LEFT_OUT_DEFAULTS[table]).filter(([key]) => record[key] === undefined),
  ),
  ...deriveForTable(db.nameIndex, table, record),
});

/**
 * Verifies a reference file (organisation, signature, every record) and merges it in one
 * transaction. Throws `SyncFileError` with the file name when it is refused; nothing changes then.
 * A file not later than the last one applied changes nothing either (`already-applied`).
 */
export async function applyReferenceBundle(
  db: AppDatabase,
  bytes: Uint8Array,
  fileName: string,
  context: ApplyReferenceContext,
): Promise<ReferenceOutcome> {
  const content = await refusingAs(fileName, () =>
    readReferenceBundle(bytes, {
      organisationSigningKey: context.organisation.signingKey,
      organisationFingerprint: context.organisation.fingerprint,
      limits: context.limits,
    }),
  );
  const { header } = content;
  const missing = missingQuestionnaires(
    content.questionnaires,
    context.installedQuestionnaires ?? installedQuestionnaireRefs(),
  );
  const stale = (state: ReferenceDataState | null) =>
    state !== null && header.version <= state.version
      ? ({
          status: 'already-applied',
          fileName,
          header,
          appliedVersion: state.version,
          missingQuestionnaires: missing,
        } as const)
      : null;
  const before = stale(await referenceDataState(db));
  if (before) return before;
  context.storageGuard?.assertCanWriteNow();

  const now = (context.now ?? (() => new Date()))().toISOString();
  const maxStamp = maxStampOf(content);
  const tables = [db.shelters, db.organisations, db.conflicts, db.audit, db.meta];
  const outcome = await db.transaction('rw', tables, async (): Promise<ReferenceOutcome> => {
    // Two imports of one file at once: the second finds the first's state.
    const again = stale(await referenceDataState(db));
    if (again) return again;
    const report: ReferenceReport = {
      inserted: 0,
      updated: 0,
      unchanged: 0,
      byTable: {
        shelters: { inserted: 0, updated: 0, unchanged: 0 },
        organisations: { inserted: 0, updated: 0, unchanged: 0 },
      },
      newConflicts: [],
      invalidAfterMerge: [],
    };
    const audits: AuditDraft[] = [];
    for (const table of REFERENCE_TABLES) {
      const incoming = content[table];
      if (incoming.length === 0) continue;
      const counts = report.byTable[table];
      const ids = incoming.map((r) => r.id);
      const locals = (await db.table(table).bulkGet(ids)) as (StoredRecord | undefined)[];
      const keptRows = await db.conflicts
        .where('[table+recordId]')
        .anyOf(ids.map((id) => [table, id]))
        .toArray();
      const kept = new Map<string, FieldConflict[]>();
      for (const row of keptRows) kept.set(row.recordId, [...(kept.get(row.recordId) ?? []), row]);
      const derive = deriveReference(db, table);

      const puts: StoredRecord[] = [];
      const dropConflicts: string[] = [];
      const addConflicts: ReturnType<typeof toConflictRow>[] = [];
      incoming.forEach((record, i) => {
        const local = locals[i];
        const localConflicts = kept.get(record.id) ?? [];
        const result = mergeRecord(local, record, { local: localConflicts }, { derive });
        if (!result.changed) {
          counts.unchanged++;
          return;
        }
        if (local === undefined) counts.inserted++;
        else counts.updated++;
        puts.push(result.next);
        const before = new Set(localConflicts.map((c) => conflictRowId(table, record.id, c.field, c.stamp)));
        for (const c of localConflicts) dropConflicts.push(conflictRowId(table, record.id, c.field, c.stamp));
        const added: FieldConflict[] = [];
        for (const c of result.conflicts) {
          const row = toConflictRow(table, record.id, c);
          addConflicts.push(row);
          if (!before.has(row.id)) {
            added.push(c);
            report.newConflicts.push({ ...c, table, id: record.id });
          }
        }
        const draft = auditDraft(table, local, result.next, added);
        if (draft.fields.length > 0 || draft.action !== 'update') audits.push(draft);
        const verdict = validateStoredSyncedRecord(table, result.next);
        if (!verdict.success)
          report.invalidAfterMerge.push({ table, id: record.id, message: describeIssues(verdict.error) });
      });
      if (puts.length > 0) await db.table(table).bulkPut(puts);
      if (dropConflicts.length > 0) await db.conflicts.bulkDelete(dropConflicts);
      if (addConflicts.length > 0) await db.conflicts.bulkAdd(addConflicts);
      report.inserted += counts.inserted;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
    }

    let previous = await db.audit.orderBy(':id').last();
    const entries: AuditEntry[] = [];
    for (const draft of audits) {
      const entry: AuditEntry = sealAuditEntry(
        {
          id: crypto.randomUUID(),
          at: now,
          actor: context.actor,
          deviceId: stampDevice(header.version),
          ...draft,
        },
        previous,
      );
      entries.push(entry);
      previous = entry;
    }
    if (entries.length > 0) await db.audit.bulkAdd(entries);

    const last = (await db.meta.get(META_KEYS.lastHlc))?.value;
    if (typeof last !== 'string' || clockPart(maxStamp) > clockPart(last)) {
      await db.meta.put({ key: META_KEYS.lastHlc, value: maxStamp });
    }
    const state: ReferenceDataState = {
      version: header.version,
      createdAt: header.createdAt,
      appliedAt: now,
      fileName,
      questionnaires: content.questionnaires,
      missingQuestionnaires: missing,
    };
    await db.meta.put({ key: REFERENCE_STATE_KEY, value: state });
    return { status: 'applied', fileName, header, report, missingQuestionnaires: missing };
  });
  if (outcome.status === 'applied') context.clock?.receive(maxStamp);
  return outcome;
}
