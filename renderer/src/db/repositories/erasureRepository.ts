import { differenceInYears } from 'date-fns';
import type { HouseholdRecord } from '../../../../shared/households/householdSchema';
import type { PersonRecord } from '../../../../shared/households/personSchema';
import { questionnaires } from '../../../../shared/questionnaires/registry';
import type { Answers } from '../../../../shared/questionnaires/questionnaireSchema';
import type { RecordMeta } from '../../../../shared/records/recordMeta';
import { stampChanges } from '../../../../shared/sync/fieldVersions';
import { localDate } from '../../../../shared/validation/fields';
import type { AppDatabase } from '../AppDatabase';
import { RecordNotFoundError, appendAuditEntry } from '../recordStore';
import { isBlobRef } from '../sync/blobs';
import type { WriteContext } from '../writeContext';
import { facetKeys } from './householdFacets';

/** Shown where an erased name was. Not a name, so no search finds it. */
export const ERASED_NAME = '—';

export interface ErasureReport {
  persons: number;
  visits: number;
  referrals: number;
  followUps: number;
  attachments: number;
  drafts: number;
}

/** Free-text answers go; coded ones (choices, numbers, dates) stay for anonymous counts. */
function codedAnswersOnly(questionnaireId: string, version: number, answers: Answers): Answers {
  const questionnaire = questionnaires.questionnaireVersion(questionnaireId, version);
  const textQuestions = new Set(
    questionnaire?.sections.flatMap((s) => s.questions.filter((q) => q.type === 'text').map((q) => q.id)) ??
      [],
  );
  // A version this build does not know: keep nothing rather than guess which answers are text.
  if (!questionnaire) return {};
  return Object.fromEntries(Object.entries(answers).filter(([id]) => !textQuestions.has(id)));
}

/**
 * "Erase person": a household's personal data go for good, on a person's request or at the end
 * of the retention period, while what reports count stays (status, community, municipalities,
 * sex, age, documents, specific needs, coded answers, referral services and outcomes).
 *
 * Names, dates of birth (an age in years is kept instead), contacts, addresses, narratives and
 * free-text answers are overwritten, attachments and drafts are deleted, and each record is
 * stamped like any change, so the erasure also reaches HQ with the next bundle. One audit entry
 * per record says what was erased, never the values. Not undoable.
 */
export function createErasureRepository(db: AppDatabase, ctx: WriteContext) {
  const tables = [
    db.households,
    db.persons,
    db.householdVisits,
    db.referrals,
    db.followUps,
    db.attachments,
    db.drafts,
    db.conflicts,
    db.blobs,
    db.audit,
    db.meta,
  ];

  /** The record with `patch` applied, stamped as a change of the patched fields. */
  function stamped<T extends RecordMeta>(current: T, patch: Partial<T>, stamp: string, at: string): T {
    const fields = Object.keys(patch);
    const { fieldHlc, fieldBase } = stampChanges(current, fields, stamp);
    return {
      ...current,
      ...patch,
      updatedAt: at,
      hlc: stamp,
      fieldHlc,
      ...(Object.keys(fieldBase).length > 0 ? { fieldBase } : {}),
      deviceId: ctx.deviceId,
    };
  }

  /** At HQ attachment bytes live once by hash (`blobs`): drop those no attachment names any more. */
  async function deleteUnusedBlobs(values: unknown[]) {
    for (const value of values) {
      if (!isBlobRef(value)) continue;
      const stillUsed = (await db.attachments.toArray()).some((a) =>
        [a.data, a.thumbnail].some((v) => isBlobRef(v) && v.$blob === value.$blob),
      );
      if (!stillUsed) await db.blobs.delete(value.$blob);
    }
  }

  async function erase<T extends RecordMeta>(
    table: { put(record: T): Promise<unknown> },
    entity: string,
    current: T,
    patch: Partial<T>,
    at: string,
  ) {
    const stamp = ctx.clock.now();
    await table.put(stamped(current, patch, stamp, at));
    await appendAuditEntry(db, ctx, {
      entity,
      recordId: current.id,
      action: 'erase',
      fields: Object.keys(patch),
      at,
      stamp,
    });
  }

  return {
    /** A shelter visit's narratives (they may name residents); ratings and counts stay. */
    async eraseShelterVisitNarratives(visitId: string): Promise<void> {
      await db.transaction('rw', [db.shelterVisits, db.attachments, db.audit, db.meta], async () => {
        const visit = await db.shelterVisits.get(visitId);
        if (!visit) throw new RecordNotFoundError('shelterVisit', visitId);
        const at = ctx.now().toISOString();
        const conditions = Object.fromEntries(
          Object.entries(visit.conditions).map(([key, value]) => [key, { ...value, note: '' }]),
        ) as typeof visit.conditions;
        await erase(
          db.shelterVisits,
          'shelterVisit',
          visit,
          { observations: '', followUpActions: '', conditions },
          at,
        );
        const attachmentIds = await db.attachments
          .where('[ownerType+ownerId]')
          .equals(['shelterVisit', visitId])
          .primaryKeys();
        await db.attachments.bulkDelete(attachmentIds);
      });
    },

    async eraseHousehold(householdId: string): Promise<ErasureReport> {
      return db.transaction('rw', tables, async () => {
        const household = (await db.households.get(householdId)) as
          | (HouseholdRecord & { erasedAt?: string })
          | undefined;
        if (!household) throw new RecordNotFoundError('household', householdId);
        const now = ctx.now();
        const at = now.toISOString();
        const persons = await db.persons.where('householdId').equals(householdId).toArray();
        for (const person of persons as (PersonRecord & { erasedAt?: string })[]) {
          const age = person.dateOfBirth
            ? differenceInYears(now, localDate(person.dateOfBirth))
            : person.estimatedAge;
          await erase(
            db.persons,
            'person',
            person,
            { fullName: ERASED_NAME, dateOfBirth: '', estimatedAge: age, searchTokens: [], erasedAt: at },
            at,
          );
        }
        const visits = await db.householdVisits.where('householdId').equals(householdId).toArray();
        for (const visit of visits) {
          const answers = codedAnswersOnly(visit.questionnaireId, visit.questionnaireVersion, visit.answers);
          await erase(
            db.householdVisits,
            'householdVisit',
            visit,
            { answers, observations: '', followUpActions: '' },
            at,
          );
        }
        const referrals = await db.referrals.where('householdId').equals(householdId).toArray();
        for (const referral of referrals) {
          await erase(db.referrals, 'referral', referral, { reason: '', closedReason: '' }, at);
        }
        const subjects = new Set([householdId, ...referrals.map((r) => r.id)]);
        const followUps = (await db.followUps.toArray()).filter((f) => subjects.has(f.subjectId));
        for (const followUp of followUps) await erase(db.followUps, 'followUp', followUp, { notes: '' }, at);

        const owners = [householdId, ...visits.map((v) => v.id)];
        const attachments = await db.attachments
          .where('[ownerType+ownerId]')
          .anyOf(owners.map((id) => [id === householdId ? 'household' : 'householdVisit', id]))
          .toArray();
        const attachmentIds = attachments.map((a) => a.id);
        await db.attachments.bulkDelete(attachmentIds);
        await deleteUnusedBlobs(attachments.flatMap((a) => [a.data, a.thumbnail]));
        // Overwritten values kept for HQ's review hold the same personal data: they go too.
        const erasedRecords: [string, string][] = [
          ['households', householdId],
          ...persons.map((p): [string, string] => ['persons', p.id]),
          ...visits.map((v): [string, string] => ['householdVisits', v.id]),
          ...referrals.map((r): [string, string] => ['referrals', r.id]),
          ...followUps.map((f): [string, string] => ['followUps', f.id]),
          ...attachmentIds.map((id): [string, string] => ['attachments', id]),
        ];
        await db.conflicts.where('[table+recordId]').anyOf(erasedRecords).delete();
        for (const id of attachmentIds) {
          await appendAuditEntry(db, ctx, {
            entity: 'attachment',
            recordId: id,
            action: 'erase',
            fields: ['data'],
            at,
            stamp: ctx.clock.now(),
          });
        }
        const draftKeys = (await db.drafts.toCollection().primaryKeys()).filter((key) =>
          [
            householdId,
            ...persons.map((p) => p.id),
            ...visits.map((v) => v.id),
            ...referrals.map((r) => r.id),
          ].some((id) => key.includes(id)),
        );
        await db.drafts.bulkDelete(draftKeys);

        const patch: Partial<HouseholdRecord & { erasedAt: string }> = {
          address: '',
          phone: '',
          notes: '',
          displacementLocation: '',
          returnSettlement: '',
          consent: { ...household.consent, notes: '' },
          headName: ERASED_NAME,
          erasedAt: at,
        };
        const stamp = ctx.clock.now();
        const next = stamped(household, patch, stamp, at);
        // Only the list keys stay in the index: the name tags go with the names.
        await db.households.put({ ...next, searchTokens: facetKeys(next) });
        await appendAuditEntry(db, ctx, {
          entity: 'household',
          recordId: householdId,
          action: 'erase',
          fields: Object.keys(patch),
          at,
          stamp,
        });
        return {
          persons: persons.length,
          visits: visits.length,
          referrals: referrals.length,
          followUps: followUps.length,
          attachments: attachmentIds.length,
          drafts: draftKeys.length,
        };
      });
    },
  };
}

export type ErasureRepository = ReturnType<typeof createErasureRepository>;
