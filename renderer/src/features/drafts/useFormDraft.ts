import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useStore } from '../../app/AppServices';

export interface FormDraft {
  /** A saved draft exists for this form and has not been resumed or discarded yet. */
  pending: { updatedAt: string } | null;
  /** When this session last autosaved the form (ISO time), null before the first autosave. */
  savedAt: string | null;
  resume(): void;
  discard(): Promise<void>;
  /** Call after a successful save, before leaving the form: the draft is no longer needed. */
  clear(): Promise<void>;
}

const AUTOSAVE_DELAY_MS = 800;

interface Loaded<T> {
  key: string;
  pending: { updatedAt: string; values: T } | null;
}

/**
 * Autosaves a react-hook-form form to the drafts table as the user types (debounced), and
 * offers a draft left by an earlier session — after a reload or a crash — to resume or discard.
 */
export function useFormDraft<T extends FieldValues>(
  key: string,
  formName: string,
  form: UseFormReturn<T>,
): FormDraft {
  const store = useStore();
  // Autosave starts only once we know whether an older draft exists, so typing never overwrites it.
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The autosave being written, so clear() can wait for it instead of racing it. */
  const inFlight = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let cancelled = false;
    void store.drafts.get(key).then((draft) => {
      if (cancelled) return;
      setLoaded({ key, pending: draft ? { updatedAt: draft.updatedAt, values: draft.values as T } : null });
    });
    return () => {
      cancelled = true;
    };
  }, [store, key]);

  const current = loaded?.key === key ? loaded : null;
  const pending = current?.pending ?? null;
  const autosaving = current !== null && pending === null;

  useEffect(() => {
    if (!autosaving) return;
    let unsaved: unknown = undefined;
    const write = () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      const values = unsaved;
      unsaved = undefined;
      inFlight.current = store.drafts
        .save(key, formName, values)
        .then(() => setSavedAt(new Date().toISOString()));
    };
    const subscription = form.watch((values) => {
      unsaved = values;
      clearTimeout(timer.current);
      timer.current = setTimeout(write, AUTOSAVE_DELAY_MS);
    });
    // Leaving the form (Cancel, another page) or hiding the window writes what is still waiting.
    const flush = () => timer.current !== undefined && write();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [autosaving, form, store, key, formName]);

  const resume = useCallback(() => {
    if (pending) form.reset(pending.values, { keepDefaultValues: true });
    setLoaded({ key, pending: null });
  }, [pending, form, key]);

  const discard = useCallback(async () => {
    await store.drafts.discard(key);
    setLoaded({ key, pending: null });
  }, [store, key]);

  const clear = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    await inFlight.current.catch(() => undefined);
    await store.drafts.discard(key);
    setSavedAt(null);
  }, [store, key]);

  return { pending: pending ? { updatedAt: pending.updatedAt } : null, savedAt, resume, discard, clear };
}
