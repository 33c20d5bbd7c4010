import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/AppServices';
import { storageLevel, type StorageLevel } from '../../db/storageGuard';

export interface StorageHealthView {
  level: StorageLevel;
  /** Free space for the app's data (Electron: the disk; browser: what the quota leaves). */
  freeBytes: number | null;
  totalBytes: number | null;
  /** What the app's data take (navigator.storage.estimate().usage). */
  usageBytes: number | null;
}

async function estimateUsage(): Promise<number | null> {
  // Absent in some embedded browsers and on insecure origins, so checked although typed.
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.usage ?? null;
}

/**
 * Free space and data size, measured on mount and every `refreshMs` after, with the same
 * thresholds as the write guard (storageGuard.ts) so the warning and the refusal agree.
 */
export function useStorageHealth(refreshMs = 60_000): StorageHealthView | null {
  const { host } = useServices();
  const [view, setView] = useState<StorageHealthView | null>(null);

  useEffect(() => {
    let active = true;
    const measure = async () => {
      const [status, usageBytes] = await Promise.all([host.storageStatus().catch(() => null), estimateUsage()]);
      const space = status?.ok ? status.value : { freeBytes: null, totalBytes: null };
      if (active) setView({ ...space, usageBytes, level: storageLevel(space.freeBytes) });
    };
    void measure();
    const timer = window.setInterval(() => void measure(), refreshMs);
    return () => {
      active = false;
      window.clearInterval(timer);
    };
  }, [host, refreshMs]);

  return view;
}

/** "820 B", "34 KB", "2.5 MB", "118.4 GB" in the interface language (1 KB = 1024 bytes). */
export function formatBytes(t: TFunction, bytes: number): string {
  if (bytes < 1024) return t('storage.size.bytes', { value: bytes });
  if (bytes < 1024 ** 2) return t('storage.size.kb', { value: bytes / 1024 });
  if (bytes < 1024 ** 3) return t('storage.size.mb', { value: bytes / 1024 ** 2 });
  return t('storage.size.gb', { value: bytes / 1024 ** 3 });
}
