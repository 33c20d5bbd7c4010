import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

export interface LiveResult<T> {
  data: T | undefined;
  isLoading: boolean;
  error: Error | null;
}

/**
 * A live repository query as {data, isLoading, error}: re-runs whenever the tables it read
 * change, and turns a failed query into an error value instead of an unhandled rejection.
 */
export function useLiveResult<T>(query: () => Promise<T>, deps: unknown[]): LiveResult<T> {
  const [error, setError] = useState<Error | null>(null);
  const data = useLiveQuery(
    async () => {
      try {
        const result = await query();
        setError(null);
        return { value: result };
      } catch (e) {
        setError(e instanceof Error ? e : new Error(String(e)));
        return undefined;
      }
    },
    deps,
  );
  return { data: data?.value, isLoading: data === undefined && error === null, error };
}
