import { isValid } from 'date-fns';
import { chooseBackupsToKeep, DEFAULT_ROTATION_POLICY, type RotationPolicy } from './backupRotation';

/**
 * The backups the app keeps in its data folder (main: `<userData>/backups/`; browser: the origin
 * private file system), one file per backup, named
 *
 *   pm-<vault id>-<yyyymmddThhmmssZ>-<kind>.pmbackup
 *
 * so that listing the folder tells whose backup a file is, when it was made and why, without
 * opening it. Main and the browser host both name, list and rotate through this module.
 */
export const backupKinds = ['daily', 'manual', 'pre-migration', 'pre-update', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** Routine backups are rotated 7 daily / 4 weekly; the others are safety copies made before a change. */
const ROUTINE_KINDS: ReadonlySet<BackupKind> = new Set(['daily', 'manual']);
export const isRoutineBackup = (kind: BackupKind) => ROUTINE_KINDS.has(kind);

/** Safety copies (before a migration, an update, a restore) are kept at least this long. */
export const SAFETY_BACKUP_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 512 MiB: far above a monitor's records with attachments, and below what one IPC message can carry. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

export const BACKUP_STORE_EXTENSION = '.pmbackup';

export interface BackupFileInfo {
  name: string;
  vaultId: string;
  kind: BackupKind;
  /** ISO time, UTC, to the second. */
  createdAt: string;
  size: number;
}

export interface ParsedBackupName {
  vaultId: string;
  kind: BackupKind;
  createdAt: Date;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAME_PATTERN = new RegExp(
  `^pm-(${UUID})-(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z-(${backupKinds.join('|')})\\${BACKUP_STORE_EXTENSION}$`,
);

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The file name for a backup; throws on an id that is not a UUID or an invalid date. */
export function backupStoreFileName(vaultId: string, createdAt: Date, kind: BackupKind): string {
  if (!isValid(createdAt)) throw new RangeError('Invalid backup date');
  const name = `pm-${vaultId.toLowerCase()}-${stamp(createdAt)}-${kind}${BACKUP_STORE_EXTENSION}`;
  if (!NAME_PATTERN.test(name)) throw new RangeError('Invalid backup vault id or kind');
  return name;
}

/** What a name made by `backupStoreFileName` says, or null for any other name (never a path). */
export function parseBackupStoreFileName(name: string): ParsedBackupName | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, vaultId, y, mo, d, h, mi, s, kind] = match;
  const createdAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  if (!isValid(createdAt) || stamp(createdAt) !== `${y}${mo}${d}T${h}${mi}${s}Z`) return null;
  return { vaultId: vaultId!, kind: kind as BackupKind, createdAt };
}

export const isBackupStoreFileName = (name: string) => parseBackupStoreFileName(name) !== null;

/** Newest first; ties (same second) by name, so the order is stable. */
export function sortBackupsNewestFirst<T extends { createdAt: string; name: string }>(
  files: readonly T[],
): T[] {
  return [...files].sort((a, b) =>
    a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt),
  );
}

/**
 * The backup files to delete after a write, per vault: routine backups (daily and manual) by
 * `chooseBackupsToKeep` (7 daily, 4 weekly, the newest always), safety copies when older than
 * SAFETY_BACKUP_DAYS, except the newest of each kind, which stays whatever its age.
 */
export function backupsToRemove<T extends { name: string }>(
  files: readonly T[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION_POLICY,
): T[] {
  const parsed = files.flatMap((file) => {
    const name = parseBackupStoreFileName(file.name);
    return name ? [{ file, ...name }] : [];
  });
  const remove: T[] = [];
  for (const vaultId of new Set(parsed.map((p) => p.vaultId))) {
    const own = parsed.filter((p) => p.vaultId === vaultId);
    remove.push(
      ...chooseBackupsToKeep(
        own.filter((p) => isRoutineBackup(p.kind)),
        policy,
      ).remove.map((p) => p.file),
    );
    for (const kind of backupKinds.filter((k) => !isRoutineBackup(k))) {
      const newestFirst = own
        .filter((p) => p.kind === kind)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      for (const old of newestFirst.slice(1)) {
        if (now.getTime() - old.createdAt.getTime() > SAFETY_BACKUP_DAYS * DAY_MS) remove.push(old.file);
      }
    }
  }
  return remove;
}
