import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useStore } from '../../app/AppServices';

export interface FormDraft {
  /** A saved draft exists for this form and has not been resumed or discarded yet. */
  pending: { updatedAt: string } | null;
  resume(): void;
  discard(): Promise<void>;
  /** Call after a successful save: the draft is no longer needed. */
  clear(): Promise<void>;
}

const AUTOSAVE_DELAY_MS = 800;

/**
 * Autosaves a react-hook-form form to the drafts table as the user types (debounced), and
 * offers a draft left by an earlier session — after a reload or a crash — to resume or discard.
 */
export function useFormDraft<T extends FieldValues>(key: string, formName: string, form: UseFormReturn<T>): FormDraft {
  const store = useStore();
  const [pending, setPending] = useState<{ updatedAt: string; values: T } | null>(null);
  // Autosave starts only once we know whether an older draft exists, so typing never overwrites it.
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void store.drafts.get(key).then((draft) => {
      if (cancelled) return;
      if (draft) setPending({ updatedAt: draft.updatedAt, values: draft.values as T });
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, [store, key]);

  useEffect(() => {
    if (!ready || pending) return;
    const subscription = form.watch((values) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void store.drafts.save(key, formName, values), AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [ready, pending, form, store, key, formName]);

  return {
    pending: pending ? { updatedAt: pending.updatedAt } : null,
    resume() {
      if (pending) form.reset(pending.values, { keepDefaultValues: true });
      setPending(null);
    },
    async discard() {
      await store.drafts.discard(key);
      setPending(null);
    },
    async clear() {
      clearTimeout(timer.current);
      await store.drafts.discard(key);
    },
  };
}
