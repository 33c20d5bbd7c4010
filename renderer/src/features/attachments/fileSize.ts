import type { TFunction } from 'i18next';

/** "820 B", "34 KB", "2.5 MB" in the interface language (1 KB = 1024 bytes, as file managers show). */
export function formatFileSize(t: TFunction, bytes: number): string {
  if (bytes < 1024) return t('attachments.size.bytes', { value: bytes });
  if (bytes < 1024 * 1024) return t('attachments.size.kb', { value: bytes / 1024 });
  return t('attachments.size.mb', { value: bytes / (1024 * 1024) });
}
