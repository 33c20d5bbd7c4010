import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/attachments/attachmentSchema';
import { AppDatabase } from '../AppDatabase';
import { RecordValidationError } from '../recordStore';
import { freshDbName, TEST_STORE_KEYS } from '../testing';
import { loadWriteContext } from '../writeContext';
import { createAuditRepository } from './auditRepository';
import { createAttachmentRepository, type NewAttachment } from './attachmentRepository';

const opened: AppDatabase[] = [];
async function open() {
  const db = new AppDatabase(freshDbName(), TEST_STORE_KEYS);
  await db.open();
  opened.push(db);
  const ctx = await loadWriteContext(db);
  return { db, attachments: createAttachmentRepository(db, ctx), audit: createAuditRepository(db) };
}
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const householdId = '6f1c2a52-3d1e-4c59-9b43-2f0f6f1b7a10';
const photo = (overrides: Partial<NewAttachment> = {}): NewAttachment => ({
  ownerType: 'household',
  ownerId: householdId,
  fileName: 'kuzhina-dëmtuar.jpg',
  mimeType: 'image/jpeg',
  bytes: new TextEncoder().encode('pretend these are the bytes of a photo of a damaged roof'),
  thumbnail: new Uint8Array([1, 2, 3]),
  caption: 'Roof damage',
  ...overrides,
});

async function rowCounts(db: AppDatabase) {
  return { attachments: await db.attachments.count(), audit: await db.audit.count() };
}

describe('attachment repository', () => {
  it('stores the bytes with their SHA-256, a thumbnail, and an audit entry naming fields only', async () => {
    const { db, attachments, audit } = await open();
    const input = photo();
    const saved = await attachments.add(input);
    expect(saved.sha256).toBe(createHash('sha256').update(input.bytes).digest('hex'));
    expect(saved.size).toBe(input.bytes.byteLength);
    expect(saved).not.toHaveProperty('data');
    expect(await attachments.getData(saved.id)).toEqual(input.bytes);

    const [entry] = await audit.forRecord(saved.id);
    expect(entry).toMatchObject({ action: 'create', entity: 'attachment' });
    expect(entry!.fields).toEqual(expect.arrayContaining(['fileName', 'sha256', 'data', 'thumbnail']));
    expect(JSON.stringify(entry)).not.toContain('damaged roof');
    expect(await rowCounts(db)).toEqual({ attachments: 1, audit: 1 });
  });

  it('lists an owner’s attachments with thumbnails but without their bytes', async () => {
    const { attachments } = await open();
    const first = await attachments.add(photo());
    const second = await attachments.add(
      photo({ fileName: 'leternjoftimi.pdf', mimeType: 'application/pdf', thumbnail: null }),
    );
    await attachments.add(photo({ ownerId: crypto.randomUUID() }));
    await attachments.add(photo({ ownerType: 'householdVisit' }));

    const listed = await attachments.forOwner('household', householdId);
    expect(listed.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(listed.every((a) => !('data' in a))).toBe(true);
    expect(listed[0]!.thumbnail).toEqual(new Uint8Array([1, 2, 3]));
    expect(listed[1]!.thumbnail).toBeNull();
  });

  it('refuses a file over the size limit and writes nothing', async () => {
    const { db, attachments } = await open();
    const bytes = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    const error = await attachments.add(photo({ bytes })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues.map((i) => i.message)).toEqual([
      'validation.attachmentTooLarge',
    ]);
    expect(await rowCounts(db)).toEqual({ attachments: 0, audit: 0 });
  });

  it('accepts a file of exactly the size limit', async () => {
    const { attachments } = await open();
    const saved = await attachments.add(photo({ bytes: new Uint8Array(MAX_ATTACHMENT_BYTES) }));
    expect(saved.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('refuses a type that is not a photo or a PDF and writes nothing', async () => {
    const { db, attachments } = await open();
    for (const mimeType of ['application/x-msdownload', 'image/svg+xml', '']) {
      const error = await attachments
        .add(photo({ fileName: 'setup.exe', mimeType }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues.map((i) => i.message)).toEqual([
        'validation.attachmentType',
      ]);
    }
    await expect(attachments.add(photo({ ownerId: 'not-a-uuid' }))).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    await expect(attachments.add(photo({ fileName: '  ' }))).rejects.toBeInstanceOf(RecordValidationError);
    expect(await rowCounts(db)).toEqual({ attachments: 0, audit: 0 });
  });

  it('removes softly and restores, both audited, keeping the bytes', async () => {
    const { db, attachments, audit } = await open();
    const saved = await attachments.add(photo());
    const removed = await attachments.remove(saved.id);
    expect(removed.deletedAt).not.toBeNull();
    expect((await attachments.forOwner('household', householdId))[0]!.deletedAt).not.toBeNull();
    expect(await db.attachments.count()).toBe(1);

    const restored = await attachments.restore(saved.id);
    expect(restored.deletedAt).toBeNull();
    expect(await attachments.getData(saved.id)).toEqual(photo().bytes);
    const actions = (await audit.forRecord(saved.id)).map((e) => [e.action, e.fields]);
    expect(actions).toEqual([
      ['restore', ['deletedAt']],
      ['delete', ['deletedAt']],
      ['create', expect.any(Array)],
    ]);
  });

  it('changes a caption alone, audited as that one field', async () => {
    const { attachments, audit } = await open();
    const saved = await attachments.add(photo());
    const updated = await attachments.setCaption(saved.id, 'Kitchen, east wall');
    expect(updated.caption).toBe('Kitchen, east wall');
    expect(updated.sha256).toBe(saved.sha256);
    const [latest] = await audit.forRecord(saved.id);
    expect(latest).toMatchObject({ action: 'update', fields: ['caption'] });
  });
});
