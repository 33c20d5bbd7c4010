import type { Table } from 'dexie';
import type { z } from 'zod';
import { sealAuditEntry } from '../../../shared/records/auditHash';
import type { AuditAction, AuditEntry, RecordMeta } from '../../../shared/records/recordMeta';
import { SEED_STAMP, stampChanges } from '../../../shared/sync/fieldVersions';
import type { AppDatabase } from './AppDatabase';
import { META_KEYS, type WriteContext } from './writeContext';

/** Thrown when a write does not pass the shared schema; nothing has been written. */
export class RecordValidationError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Invalid record: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'RecordValidationError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}

/** Fields the repository sets itself (a status, its history), audited like input fields. */
type SystemFields<TStored, TInput> = Partial<Omit<TStored, keyof RecordMeta | keyof TInput>>;

interface RecordStoreOptions<TInput extends object, TStored extends RecordMeta & TInput> {
  entity: string;
  table: (db: AppDatabase) => Table<TStored, string>;
  inputSchema: z.ZodType<TInput>;
  /** Fields computed from the record (search tokens, sort keys, sparse index keys): never audited. */
  derive?: (record: Omit<TStored, keyof RecordMeta>) => Partial<TStored>;
}

/**
 * Per-field stamps and bases (shared/sync/fieldVersions.ts): what lets HQ tell a knowing
 * overwrite from a concurrent edit. Conflicts are not held on devices yet, so none are passed.
 */
function stampFields({ fieldHlc, fieldBase }: ReturnType<typeof stampChanges>) {
  return Object.keys(fieldBase).length > 0 ? { fieldHlc, fieldBase } : { fieldHlc };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The generic write path every repository uses: validate with the shared schema, stamp sync
 * metadata, write the record and its audit entry in one transaction. The one place that
 * touches record fields on the way in, where field encryption will be added.
 */
export class RecordStore<TInput extends object, TStored extends RecordMeta & TInput> {
  private readonly table: Table<TStored, string>;

  constructor(
    private readonly db: AppDatabase,
    private readonly ctx: WriteContext,
    private readonly options: RecordStoreOptions<TInput, TStored>,
  ) {
    this.table = options.table(db);
  }

  get(id: string): Promise<TStored | undefined> {
    return this.table.get(id);
  }

  /** Recomputes derived fields (e.g. a household's search tokens after a member changed). */
  async refreshDerived(id: string, derived: Partial<TStored>): Promise<void> {
    await this.table.update(id, derived as never);
  }

  /**
   * Validates and adds a record. `seedId` only for seeds every device creates identically
   * (partner organisations): they get a fixed id and the seed stamp, so HQ sees one version.
   */
  async create(raw: unknown, system: SystemFields<TStored, TInput> = {}, seedId?: string): Promise<TStored> {
    const input = this.validate(raw);
    const stamp = seedId ? SEED_STAMP : this.ctx.clock.now();
    const at = this.ctx.now().toISOString();
    const body = { ...input, ...system } as Omit<TStored, keyof RecordMeta>;
    const fields = Object.keys(body);
    const record = {
      ...body,
      ...this.options.derive?.(body),
      id: seedId ?? crypto.randomUUID(),
      createdAt: at,
      updatedAt: at,
      hlc: stamp,
      ...stampFields(stampChanges(undefined, fields, stamp)),
      deviceId: this.ctx.deviceId,
      deletedAt: null,
    } as TStored;
    await this.inWriteTransaction(async () => {
      await this.table.add(record);
      await this.audit(record.id, 'create', fields, at, stamp);
    });
    return record;
  }

  /** Replaces the input fields (validated whole) and any system fields given. */
  async update(id: string, raw: unknown, system: SystemFields<TStored, TInput> = {}): Promise<TStored> {
    const input = this.validate(raw);
    return this.inWriteTransaction(async () => {
      const current = await this.require(id);
      const body = { ...input, ...system } as Record<string, unknown>;
      const changed = Object.keys(body).filter((f) => !sameValue((current as Record<string, unknown>)[f], body[f]));
      if (changed.length === 0) return current;
      const stamp = this.ctx.clock.now();
      const at = this.ctx.now().toISOString();
      const merged = { ...current, ...body } as TStored;
      const next = {
        ...merged,
        ...this.options.derive?.(merged),
        updatedAt: at,
        hlc: stamp,
        ...stampFields(stampChanges(current, changed, stamp)),
        deviceId: this.ctx.deviceId,
      } as TStored;
      await this.table.put(next);
      await this.audit(id, 'update', changed, at, stamp);
      return next;
    });
  }

  /** Soft deletion: the record stays, restorable, and syncs as a tombstone. */
  softDelete(id: string): Promise<TStored> {
    return this.setDeleted(id, true);
  }

  restore(id: string): Promise<TStored> {
    return this.setDeleted(id, false);
  }

  private setDeleted(id: string, deleted: boolean): Promise<TStored> {
    return this.inWriteTransaction(async () => {
      const current = await this.require(id);
      if ((current.deletedAt !== null) === deleted) return current;
      const stamp = this.ctx.clock.now();
      const at = this.ctx.now().toISOString();
      const next = {
        ...current,
        deletedAt: deleted ? at : null,
        updatedAt: at,
        hlc: stamp,
        ...stampFields(stampChanges(current, ['deletedAt'], stamp)),
        deviceId: this.ctx.deviceId,
      } as TStored;
      await this.table.put(next);
      await this.audit(id, deleted ? 'delete' : 'restore', ['deletedAt'], at, stamp);
      return next;
    });
  }

  private validate(raw: unknown): TInput {
    const parsed = this.options.inputSchema.safeParse(raw);
    if (!parsed.success) throw new RecordValidationError(parsed.error.issues);
    return parsed.data;
  }

  private async require(id: string): Promise<TStored> {
    const current = await this.table.get(id);
    if (!current) throw new RecordNotFoundError(this.options.entity, id);
    return current;
  }

  private inWriteTransaction<T>(work: () => Promise<T>): Promise<T> {
    // Synchronous on the last measurement: writes often nest in a caller's transaction, which
    // awaiting the host would commit early.
    try {
      this.ctx.storageGuard?.assertCanWriteNow();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.db.transaction('rw', [this.table, this.db.audit, this.db.meta], work);
  }

  private audit(recordId: string, action: AuditAction, fields: string[], at: string, stamp: string) {
    return appendAuditEntry(this.db, this.ctx, { entity: this.options.entity, recordId, action, fields, at, stamp });
  }
}

/**
 * The one writer of audit entries. Each is chained to the last one by seq, read in the caller's
 * transaction (which locks the audit table, so concurrent writes queue and form one chain);
 * hashing is synchronous because awaiting WebCrypto here would end the transaction.
 */
export async function appendAuditEntry(
  db: AppDatabase,
  ctx: WriteContext,
  change: { entity: string; recordId: string; action: AuditAction; fields: string[]; at: string; stamp: string },
): Promise<void> {
  const content = {
    id: crypto.randomUUID(),
    at: change.at,
    actor: ctx.actor(),
    deviceId: ctx.deviceId,
    entity: change.entity,
    recordId: change.recordId,
    action: change.action,
    fields: change.fields,
  };
  const previous = await db.audit.orderBy(':id').last();
  const entry: AuditEntry = sealAuditEntry(content, previous);
  await db.audit.add(entry);
  if (change.stamp !== SEED_STAMP) {
    // A write stamped earlier may commit later: keep the latest stamp, never step back.
    const last = (await db.meta.get(META_KEYS.lastHlc))?.value;
    if (typeof last !== 'string' || change.stamp > last) await db.meta.put({ key: META_KEYS.lastHlc, value: change.stamp });
  }
}
