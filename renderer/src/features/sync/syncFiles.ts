import type { TFunction } from 'i18next';
import type { HostApi } from '../../../../shared/host/hostApi';
import { isSyncError } from '../../../../shared/sync/errors';
import { isSyncFileError } from '../../db/sync/syncFileError';
import { errorReason } from '../../app/errorReason';

/** The kinds of file the sync screens save and open, with their extensions. */
export const SYNC_FILE_TYPES = {
  bundle: { extension: 'pmbundle', filterKey: 'sync.files.bundle' },
  acknowledgement: { extension: 'pmack', filterKey: 'sync.files.acknowledgement' },
  reference: { extension: 'pmref', filterKey: 'sync.files.reference' },
  organisation: { extension: 'pmorg', filterKey: 'sync.files.organisation' },
  device: { extension: 'pmdevice', filterKey: 'sync.files.device' },
} as const;
export type SyncFileType = keyof typeof SYNC_FILE_TYPES;

/** Big enough for a bundle of a monitor's years of work with attachments (the bundle limit). */
const MAX_SYNC_FILE_BYTES = 256 * 1024 * 1024;

export class CancelledError extends Error {}

export async function saveSyncFile(
  host: HostApi,
  t: TFunction,
  type: SyncFileType,
  name: string,
  data: Uint8Array,
) {
  const spec = SYNC_FILE_TYPES[type];
  const saved = await host.saveFileWithDialog({
    suggestedName: name,
    data: new Uint8Array(data),
    filters: [{ name: t(spec.filterKey), extensions: [spec.extension] }],
  });
  if (!saved.ok && saved.error.code === 'cancelled') throw new CancelledError();
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value;
}

/** Opens one sync file of the given types; the type is told by the extension. */
export async function openSyncFile(host: HostApi, t: TFunction, types: SyncFileType[]) {
  const opened = await host.openFileWithDialog({
    filters: types.map((type) => ({
      name: t(SYNC_FILE_TYPES[type].filterKey),
      extensions: [SYNC_FILE_TYPES[type].extension],
    })),
    maxBytes: MAX_SYNC_FILE_BYTES,
  });
  if (!opened.ok && opened.error.code === 'cancelled') throw new CancelledError();
  if (!opened.ok) throw new Error(opened.error.message);
  const byName = types.find((candidate) =>
    opened.value.name.toLowerCase().endsWith(`.${SYNC_FILE_TYPES[candidate].extension}`),
  );
  return { ...opened.value, type: byName ?? typeByContent(opened.value.data, types) };
}

/**
 * A renamed file (a mail client or a browser may drop the extension) is told by its first byte:
 * organisation and device files are signed JSON documents; bundles, acknowledgements and
 * reference data binary.
 */
function typeByContent(data: Uint8Array, types: SyncFileType[]): SyncFileType | undefined {
  const first = data.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  const isJson = first === 0x7b;
  return types.find((type) => (type === 'device' || type === 'organisation') === isJson);
}

export const utf8Text = (data: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(data);
export const utf8Bytes = (text: string) => new TextEncoder().encode(text);

/** A refused file: which file and why, in the monitor's language. */
export function syncErrorMessage(t: TFunction, error: unknown, fileName?: string): string {
  if (isSyncFileError(error))
    return t('sync.refused', { file: error.fileName, reason: t(`sync.error.${error.code}`) });
  if (isSyncError(error))
    return t('sync.refused', { file: fileName ?? '', reason: t(`sync.error.${error.reason}`) });
  return t('sync.failed', { reason: errorReason(t, error) });
}
