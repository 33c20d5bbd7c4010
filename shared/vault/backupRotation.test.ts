import { addDays, addHours, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { backupFileName, chooseBackupsToKeep, parseBackupFileName } from './backupRotation';

/** Local dates: day and week boundaries are the device's, whatever the test machine's zone. */
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h);
const day = (b: { createdAt: Date }) => format(b.createdAt, 'yyyy-MM-dd HH:mm');

describe('chooseBackupsToKeep', () => {
  it('keeps the newest of the last 7 days and of the last 4 ISO weeks', () => {
    // One backup a day for 60 days, ending on Wednesday 12 March 2025.
    const end = at(2025, 3, 12);
    const backups = Array.from({ length: 60 }, (_, i) => ({ createdAt: addDays(end, -i) }));
    const { keep, remove } = chooseBackupsToKeep(backups);
    expect(keep.map(day).sort()).toEqual([
      '2025-02-23 10:00', // Sunday, week 8
      '2025-03-02 10:00', // Sunday, week 9
      '2025-03-06 10:00', // the last 7 days (week 10's newest, 9 March, is among them)
      '2025-03-07 10:00',
      '2025-03-08 10:00',
      '2025-03-09 10:00',
      '2025-03-10 10:00',
      '2025-03-11 10:00',
      '2025-03-12 10:00',
    ]);
    expect(keep.length + remove.length).toBe(60);
  });

  it('keeps only the newest backup of a day', () => {
    const backups = [0, 3, 6, 9].map((h) => ({ createdAt: addHours(at(2025, 3, 12, 8), h) }));
    expect(chooseBackupsToKeep(backups).keep.map(day)).toEqual(['2025-03-12 17:00']);
  });

  it('counts days that have backups, so a month away still leaves a week of them', () => {
    const beforeBreak = Array.from({ length: 10 }, (_, i) => ({ createdAt: at(2025, 1, 10 + i) }));
    const afterBreak = [{ createdAt: at(2025, 3, 1) }];
    const { keep } = chooseBackupsToKeep([...beforeBreak, ...afterBreak]);
    const days = keep.map(day).sort();
    expect(days).toContain('2025-03-01 10:00');
    // 6 more days from before the break: 14–19 January, plus the weekly Sunday 12 January.
    expect(days.filter((d) => d.startsWith('2025-01'))).toEqual([
      '2025-01-12 10:00',
      '2025-01-14 10:00',
      '2025-01-15 10:00',
      '2025-01-16 10:00',
      '2025-01-17 10:00',
      '2025-01-18 10:00',
      '2025-01-19 10:00',
    ]);
  });

  it('never deletes the newest backup, nor a file without a readable date', () => {
    const undated = { createdAt: new Date('garbage') };
    const backups = [{ createdAt: at(2025, 3, 1) }, { createdAt: at(2025, 3, 2) }, undated];
    const { keep, remove } = chooseBackupsToKeep(backups, { daily: 0, weekly: 0 });
    expect(keep).toEqual([backups[1], undated]);
    expect(remove).toEqual([backups[0]]);
  });

  it('keeps everything while there are fewer backups than the policy', () => {
    const backups = [1, 2, 3].map((d) => ({ createdAt: at(2025, 3, d) }));
    expect(chooseBackupsToKeep(backups).remove).toEqual([]);
    expect(chooseBackupsToKeep([])).toEqual({ keep: [], remove: [] });
  });
});

describe('backup file names', () => {
  it('round-trip the creation time to the second and sort by it', () => {
    const when = new Date('2025-01-15T10:30:00Z');
    const name = backupFileName(when);
    expect(name).toBe('protection-monitor-backup-20250115T103000Z.pmbackup');
    expect(parseBackupFileName(name)).toEqual(when);
    expect(backupFileName(new Date('2025-01-15T10:29:59Z')) < name).toBe(true);
  });

  it('ignore other files', () => {
    for (const name of [
      'notes.txt',
      'protection-monitor-backup-20251315T103000Z.pmbackup',
      'protection-monitor-backup-20250115T103000Z.pmbackup.tmp',
    ]) {
      expect(parseBackupFileName(name)).toBeNull();
    }
  });
});
