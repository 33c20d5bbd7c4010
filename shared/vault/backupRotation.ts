import { format, getISOWeek, getISOWeekYear, isValid } from 'date-fns';

/**
 * Which backup files to keep: the newest backup of each of the last 7 days that have a backup,
 * and the newest of each of the last 4 ISO weeks that have one (the same file can count for
 * both). Like restic's `--keep-daily 7 --keep-weekly 4`, "last 7 days" means the last 7 days on
 * which a backup was made, so a laptop left off for a month still keeps a week's worth. Days and
 * weeks are in the device's time zone. Whatever the policy, the newest backup is kept, and a file
 * whose date cannot be read is kept (never delete what is not understood).
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
}
export const DEFAULT_ROTATION_POLICY: RotationPolicy = { daily: 7, weekly: 4 };

export interface BackupFile {
  createdAt: Date;
}

export function chooseBackupsToKeep<T extends BackupFile>(
  backups: readonly T[],
  policy: RotationPolicy = DEFAULT_ROTATION_POLICY,
): { keep: T[]; remove: T[] } {
  const dated = backups.filter((b) => isValid(b.createdAt));
  const newestFirst = [...dated].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const kept = new Set<T>(backups.filter((b) => !isValid(b.createdAt)));
  if (newestFirst[0]) kept.add(newestFirst[0]);
  const keepNewestPer = (bucket: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= count) break;
      const key = bucket(backup.createdAt);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.add(backup);
    }
  };
  keepNewestPer((d) => format(d, 'yyyy-MM-dd'), policy.daily);
  keepNewestPer((d) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`, policy.weekly);
  return {
    keep: backups.filter((b) => kept.has(b)),
    remove: backups.filter((b) => !kept.has(b)),
  };
}

const NAME_PREFIX = 'protection-monitor-backup-';
export const BACKUP_FILE_EXTENSION = '.pmbackup';

/** `protection-monitor-backup-20250115T103000Z.pmbackup` (UTC, sorts by time, no colons). */
export function backupFileName(createdAt: Date): string {
  const stamp = createdAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${NAME_PREFIX}${stamp}${BACKUP_FILE_EXTENSION}`;
}

/** The creation time in a name made by `backupFileName`, or null for any other file. */
export function parseBackupFileName(name: string): Date | null {
  const match = new RegExp(
    `^${NAME_PREFIX}(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z\\${BACKUP_FILE_EXTENSION}$`,
  ).exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return isValid(date) && backupFileName(date) === name ? date : null;
}
