import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../../../shared/exports/runExport';
import { csvTables } from '../../../../shared/exports/testing/readExport';
import type { PersonRecord } from '../../../../shared/households/personSchema';
import * as fx from '../../../../test/reports/fixtures';
import { AppDatabase } from '../AppDatabase';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { createExportDataRepository } from './exportDataRepository';

let db: AppDatabase;

const personId = (n: number) => `22222222-3333-4444-8555-${n.toString().padStart(12, '0')}`;
const persons: PersonRecord[] = Array.from({ length: 23 }, (_, n) => ({
  ...fx.members[n % fx.members.length]!,
  id: personId(n),
  deletedAt: n === 5 ? fx.GENERATED_AT : null,
}));

beforeEach(async () => {
  db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
  await db.open();
  // Written in reverse, so the pages' order comes from the key, not from the insertion.
  await db.persons.bulkAdd([...persons].reverse());
  await db.households.add(fx.household);
  await db.organisations.bulkAdd(fx.organisations);
});
afterEach(() => db.close());

describe('export data repository', () => {
  it('pages through a whole table by id, tombstones included, each record once', async () => {
    const repo = createExportDataRepository(db);
    const pages: string[][] = [];
    for await (const page of repo.chunks('persons', 10)) pages.push(page.map((p) => p.id));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(pages.flat()).toEqual(persons.map((p) => p.id));
    expect(await repo.count('persons')).toBe(23);
    expect(await repo.count('referrals')).toBe(0);
  });

  it('reads records opened from their encrypted envelope', async () => {
    const repo = createExportDataRepository(db);
    const names: string[] = [];
    for await (const page of repo.chunks('households', 10)) names.push(...page.map((h) => h.headName));
    expect(names).toEqual([fx.household.headName]);
    expect((await repo.organisationNames()).get(fx.ids.organisation)).toBe(fx.organisations[0]!.name);
  });

  it('feeds a whole export, the tombstone left out', async () => {
    const file = await runExport(
      createExportDataRepository(db),
      { types: ['persons', 'households'], format: 'csv', pseudonymise: false, language: 'en' },
      { header: (key) => key, sheetName: (t) => t, today: '2025-06-16', chunkSize: 7 },
    );
    const tables = csvTables(file.data);
    expect(tables['persons.csv']!.rows.map((r) => r.id)).toEqual(
      persons.filter((p) => !p.deletedAt).map((p) => p.id),
    );
    expect(tables['households.csv']!.rows[0]!.headName).toBe(fx.household.headName);
  });
});
