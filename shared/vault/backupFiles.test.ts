import { describe, expect, it } from 'vitest';
import { backupStoreFileName, backupsToRemove, parseBackupStoreFileName } from './backupFiles';

const VAULT = '2b1f0c3e-5d4a-4f6b-8c7d-9e0f1a2b3c4d';
const at = new Date('2025-01-15T10:30:00.999Z');

describe('backup file names', () => {
  it('name the vault, the second and the kind, and read back', () => {
    const name = backupStoreFileName(VAULT.toUpperCase(), at, 'pre-migration');
    expect(name).toBe(`pm-${VAULT}-20250115T103000Z-pre-migration.pmbackup`);
    expect(parseBackupStoreFileName(name)).toEqual({
      vaultId: VAULT,
      kind: 'pre-migration',
      createdAt: new Date('2025-01-15T10:30:00Z'),
    });
  });

  it.each([
    `../pm-${VAULT}-20250115T103000Z-daily.pmbackup`,
    `pm-${VAULT}-20250115T103000Z-daily.pmbackup.tmp`,
    `pm-${VAULT}-20250115T103000Z-weekly.pmbackup`,
    `pm-${VAULT}-20250231T103000Z-daily.pmbackup`,
    `pm-${VAULT.toUpperCase()}-20250115T103000Z-daily.pmbackup`,
    'pm-x-20250115T103000Z-daily.pmbackup',
    'protection-monitor-backup-20250115T103000Z.pmbackup',
  ])('refuse %s', (name) => {
    expect(parseBackupStoreFileName(name)).toBeNull();
  });

  it('cannot be built from a vault id that is not a UUID', () => {
    expect(() => backupStoreFileName('../../x', at, 'daily')).toThrow(RangeError);
    expect(() => backupStoreFileName(VAULT, new Date('x'), 'daily')).toThrow(RangeError);
  });
});

describe('backupsToRemove', () => {
  const file = (iso: string, kind: 'daily' | 'manual' | 'pre-update', vaultId = VAULT) => ({
    name: backupStoreFileName(vaultId, new Date(iso), kind),
  });

  it('rotates manual and daily backups together, per vault, and never touches other files', () => {
    const other = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
    const files = [
      file('2025-03-12T08:00:00Z', 'daily'),
      file('2025-03-12T09:00:00Z', 'manual'),
      file('2025-03-12T07:00:00Z', 'daily', other),
      { name: 'notes.txt' },
    ];
    expect(backupsToRemove(files, new Date('2025-03-12T12:00:00Z'))).toEqual([files[0]]);
  });

  it('keeps a safety copy younger than 30 days', () => {
    const files = [file('2025-02-20T08:00:00Z', 'pre-update'), file('2025-03-01T08:00:00Z', 'pre-update')];
    expect(backupsToRemove(files, new Date('2025-03-12T12:00:00Z'))).toEqual([]);
    expect(backupsToRemove(files, new Date('2025-03-30T12:00:00Z'))).toEqual([files[0]]);
  });
});
