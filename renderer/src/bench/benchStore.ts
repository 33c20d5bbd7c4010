import Dexie from 'dexie';
import { AppDatabase } from '../db/AppDatabase';
import { openDataStore, type DataStore } from '../db/dataStore';
import type { StoreKeys } from '../db/encryption/storeKeys';
import { openVaultRegistry } from '../vault/vaultRegistry';
import { createVaultService } from '../vault/vaultService';

/**
 * The store the bench's in-page scenarios work on. With a passphrase it is the first vault of
 * this browser profile, set up through the app's own setup screen and unlocked here with the
 * app's vault service, so the cold-start scenario later opens the very same data; without one,
 * a database of its own with random keys.
 *
 * The bench also holds an `AppDatabase` on the same database (same keys, same sealing
 * middleware): to read every record back and to clear the data tables between write runs.
 * That is measurement scaffolding; everything measured goes through the repositories.
 */
export interface BenchClock {
  now(): Date;
  /** From now on, the clock reads this day (times advancing a second per write), until `reset`. */
  setDay(day: string): void;
  reset(): void;
}

function benchClock(): BenchClock {
  let day: string | null = null;
  let tick = 0;
  return {
    now: () => (day === null ? new Date() : new Date(Date.parse(`${day}T08:00:00Z`) + tick++ * 1000)),
    setDay(next) {
      if (next !== day) tick = 0;
      day = next;
    },
    reset() {
      day = null;
    },
  };
}

export interface BenchStore {
  name: string;
  keys: StoreKeys;
  store: DataStore;
  db: AppDatabase;
  clock: BenchClock;
  /** The last audit entry before the bench wrote anything (setup, partner seeds). */
  auditBaseline: number;
}

let current: BenchStore | null = null;

export function benchStore(): BenchStore {
  if (!current) throw new Error('No bench store: run the store.open scenario first');
  return current;
}

export function randomKeys(): StoreKeys {
  return {
    fieldKey: crypto.getRandomValues(new Uint8Array(32)),
    blindIndexKey: crypto.getRandomValues(new Uint8Array(32)),
  };
}

/** Unlocks the first vault with its passphrase (or makes a database of its own) and opens the store. */
export async function openBenchStore(passphrase?: string): Promise<{ unlockMs: number; openMs: number }> {
  current?.store.close();
  current?.db.close();
  let name = 'pm-bench-store';
  let keys = randomKeys();
  let unlockMs = 0;
  if (passphrase) {
    const service = createVaultService(openVaultRegistry());
    const [vault] = await service.list();
    if (!vault) throw new Error('No vault to unlock: set one up through the app first');
    const start = performance.now();
    const session = await service.unlock(vault.id, passphrase);
    unlockMs = performance.now() - start;
    name = session.databaseName;
    keys = session.keys;
  }
  const clock = benchClock();
  const start = performance.now();
  const store = await openDataStore({ name, keys, now: clock.now });
  const openMs = performance.now() - start;
  const db = new AppDatabase(name, keys);
  await db.open();
  const last = await db.audit.orderBy('seq').last();
  current = {
    name,
    keys,
    store,
    db,
    clock,
    auditBaseline: current?.name === name ? current.auditBaseline : (last?.seq ?? 0),
  };
  return { unlockMs: Math.round(unlockMs), openMs: Math.round(openMs) };
}

export const DATA_TABLES = [
  'shelters',
  'households',
  'persons',
  'shelterVisits',
  'householdVisits',
  'referrals',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/** Empties the data tables and the audit entries the bench wrote, keeping setup and partner seeds. */
export async function clearBenchData(): Promise<void> {
  const { db, auditBaseline } = benchStore();
  await db.transaction('rw', [...DATA_TABLES.map((t) => db.table(t)), db.followUps, db.audit], async () => {
    for (const table of DATA_TABLES) await db.table(table).clear();
    await db.followUps.clear();
    await db.audit.where('seq').above(auditBaseline).delete();
  });
}

/** Every record of the data tables, as the repositories see them (opened, derived fields included). */
export async function readAllRecords(): Promise<Record<DataTable, Record<string, unknown>[]>> {
  const { db } = benchStore();
  const entries = await Promise.all(DATA_TABLES.map(async (t) => [t, await db.table(t).toArray()] as const));
  return Object.fromEntries(entries) as Record<DataTable, Record<string, unknown>[]>;
}

export async function deleteDatabase(name: string): Promise<void> {
  await Dexie.delete(name);
}
