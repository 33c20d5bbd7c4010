import { addYears, isValid } from 'date-fns';

/**
 * Which records have passed their retention period: by default five years after the last
 * activity on the record (the lead decides what counts as activity, e.g. the latest visit,
 * referral or follow-up of a household). A record under legal hold is never listed. A record
 * whose date cannot be read is listed separately as `undated`, never as due: nothing is deleted
 * on a guess.
 */
export const DEFAULT_RETENTION_YEARS = 5;

export interface RetentionCandidate {
  id: string;
  /** ISO date or date-time, or a Date. */
  lastActivityAt: string | Date;
  /** Its own period in years, e.g. longer for a case with an open legal procedure. */
  retentionYears?: number;
  legalHold?: boolean;
}

export interface RetentionResult<T> {
  /** Oldest first, each with the moment its period ended. */
  due: { record: T; expiredAt: Date }[];
  undated: T[];
}

export function listPastRetention<T extends RetentionCandidate>(
  records: readonly T[],
  now: Date,
  options: { years?: number } = {},
): RetentionResult<T> {
  const due: { record: T; expiredAt: Date }[] = [];
  const undated: T[] = [];
  for (const record of records) {
    if (record.legalHold === true) continue;
    const last =
      typeof record.lastActivityAt === 'string' ? new Date(record.lastActivityAt) : record.lastActivityAt;
    if (!isValid(last)) {
      undated.push(record);
      continue;
    }
    // addYears keeps the calendar date (29 Feb + 1 year → 28 Feb), unlike adding 365-day years.
    const expiredAt = addYears(last, record.retentionYears ?? options.years ?? DEFAULT_RETENTION_YEARS);
    if (expiredAt.getTime() <= now.getTime()) due.push({ record, expiredAt });
  }
  due.sort((a, b) => a.expiredAt.getTime() - b.expiredAt.getTime());
  return { due, undated };
}
