import type { AppDatabase, Draft } from '../AppDatabase';
import type { WriteContext } from '../writeContext';

/**
 * Autosaved, unfinished forms. Drafts are local to this device: never synced, never audited,
 * deleted once the form is saved or the draft discarded.
 */
export function createDraftRepository(db: AppDatabase, ctx: WriteContext) {
  return {
    get: (key: string): Promise<Draft | undefined> => db.drafts.get(key),

    async save(key: string, form: string, values: unknown): Promise<void> {
      await db.drafts.put({ key, form, values, updatedAt: ctx.now().toISOString() });
    },

    discard: (key: string): Promise<void> => db.drafts.delete(key),

    /** Every unfinished form, newest first, for a "resume where you left off" list. */
    async list(): Promise<Draft[]> {
      return (await db.drafts.orderBy('updatedAt').toArray()).reverse();
    },
  };
}

export type DraftRepository = ReturnType<typeof createDraftRepository>;
