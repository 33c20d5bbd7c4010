import { DEFAULT_RETENTION_YEARS, listPastRetention } from '../../../../shared/vault/retention';
import type { AppDatabase } from '../AppDatabase';
import { META_KEYS, type WriteContext } from '../writeContext';

/** Record types with their own retention period. */
export const retentionTypes = ['households', 'shelterVisits'] as const;
export type RetentionType = (typeof retentionTypes)[number];
export type RetentionYears = Record<RetentionType, number>;
export const RETENTION_YEAR_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface PastRetention {
  households: { id: string; headName: string; lastActivityAt: string; expiredAt: Date }[];
  shelterVisits: { id: string; shelterId: string; visitDate: string; expiredAt: Date }[];
}

const latest = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/**
 * Which records have outlived their retention period (by default five years after the last
 * activity), for a monitor to review and erase. A household's last activity is its own latest
 * change or that of any of its members, visits, referrals or follow-ups.
 */
export function createRetentionRepository(db: AppDatabase, ctx: WriteContext) {
  async function years(): Promise<RetentionYears> {
    const stored = (await db.meta.get(META_KEYS.retentionYears))?.value as
      | Partial<RetentionYears>
      | undefined;
    const valid = (n: unknown) => RETENTION_YEAR_CHOICES.some((c) => c === n);
    return {
      households: valid(stored?.households) ? stored!.households! : DEFAULT_RETENTION_YEARS,
      shelterVisits: valid(stored?.shelterVisits) ? stored!.shelterVisits! : DEFAULT_RETENTION_YEARS,
    };
  }

  return {
    years,

    async setYears(type: RetentionType, value: number): Promise<void> {
      if (!RETENTION_YEAR_CHOICES.some((c) => c === value)) throw new RangeError('Not a retention choice');
      await db.meta.put({ key: META_KEYS.retentionYears, value: { ...(await years()), [type]: value } });
    },

    async pastRetention(): Promise<PastRetention> {
      const period = await years();
      const [households, persons, visits, referrals, followUps, shelterVisits] = await Promise.all([
        db.households.toArray(),
        db.persons.toArray(),
        db.householdVisits.toArray(),
        db.referrals.toArray(),
        db.followUps.toArray(),
        db.shelterVisits.toArray(),
      ]);
      const last = new Map(households.map((h) => [h.id, h.updatedAt]));
      const touch = (householdId: string, at: string) => {
        if (last.has(householdId)) last.set(householdId, latest(last.get(householdId)!, at));
      };
      for (const p of persons) touch(p.householdId, p.updatedAt);
      for (const v of visits) touch(v.householdId, latest(v.updatedAt, v.visitDate));
      const referralHousehold = new Map(referrals.map((r) => [r.id, r.householdId]));
      for (const r of referrals) touch(r.householdId, r.updatedAt);
      for (const f of followUps) touch(referralHousehold.get(f.subjectId) ?? f.subjectId, f.updatedAt);

      const candidates = households
        .filter((h) => !(h as { erasedAt?: string }).erasedAt)
        .map((h) => ({ id: h.id, headName: h.headName, lastActivityAt: last.get(h.id)! }));
      const dueHouseholds = listPastRetention(candidates, ctx.now(), { years: period.households }).due;
      const dueVisits = listPastRetention(
        shelterVisits
          .filter((v) => v.observations || v.followUpActions)
          .map((v) => ({
            id: v.id,
            shelterId: v.shelterId,
            visitDate: v.visitDate,
            lastActivityAt: latest(v.updatedAt, v.visitDate),
          })),
        ctx.now(),
        { years: period.shelterVisits },
      ).due;
      return {
        households: dueHouseholds.map(({ record, expiredAt }) => ({ ...record, expiredAt })),
        shelterVisits: dueVisits.map(({ record, expiredAt }) => ({ ...record, expiredAt })),
      };
    },
  };
}

export type RetentionRepository = ReturnType<typeof createRetentionRepository>;
