/**
 * Names in the sync folder (docs/sync-format.md §12): its layout, which files are sync files,
 * and which are a sync service's files still in transit. Kept free of the format modules so
 * the IPC contract (and with it the preload bundle) can use it without pulling them in; a test
 * checks the extensions against bundleFormat.ts and acknowledgement.ts.
 */

/**
 * The folders under the chosen root. One root serves both sides, so the same folder (a USB
 * stick carried between a field laptop and HQ, or one folder a sync service shares) works
 * without pairing: field devices write to `to-hq/` and read `from-hq/`, HQ the other way round.
 */
export const SYNC_FOLDER_LAYOUT = {
  /** Written by field devices (their bundles), read by HQ. */
  toHq: 'to-hq',
  /** Written by HQ (acknowledgements, reference-data bundles), read by field devices. */
  fromHq: 'from-hq',
  /** Inside the reader's inbox: imported files, so they are not picked up again. */
  processed: 'processed',
  /** Inside the reader's inbox: files the importer refused (bad signature, wrong recipient, …). */
  rejected: 'rejected',
} as const;

export const SYNC_ROLES = ['field', 'hq'] as const;
/** Which side of the sync folder this app is: a field device, or HQ. */
export type SyncRole = (typeof SYNC_ROLES)[number];

/** The folder a side reads (its inbox) and the one it writes (its outbox), as names under the root. */
export function syncFolderSides(role: SyncRole): { inbox: string; outbox: string } {
  return role === 'hq'
    ? { inbox: SYNC_FOLDER_LAYOUT.toHq, outbox: SYNC_FOLDER_LAYOUT.fromHq }
    : { inbox: SYNC_FOLDER_LAYOUT.fromHq, outbox: SYNC_FOLDER_LAYOUT.toHq };
}

/**
 * Who reads an inbox. HQ reads every bundle in `to-hq/`; a field device reads, in the
 * `from-hq/` it may share with other devices, the reference-data files (`.pmref`, for every
 * device) and its own acknowledgement only.
 */
export type SyncReader = { role: 'hq' } | { role: 'field'; deviceId: string };

/**
 * Device ids as the device file allows them (shared/sync/deviceFile.ts `deviceIdSchema`; the
 * app uses UUIDs). Repeated here so the IPC contract can check one without the format modules.
 */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const ACK_FILE_PREFIX = 'pm-ack-';

/**
 * `pm-ack-<deviceId>.pmack`: the one name of HQ's acknowledgement for a device in `from-hq/`.
 * Acknowledgements are cumulative, so a newer one replaces the older under the same name.
 */
export function acknowledgementFileName(deviceId: string): string {
  if (!DEVICE_ID_PATTERN.test(deviceId)) throw new RangeError(`Not a device id: ${JSON.stringify(deviceId)}`);
  return `${ACK_FILE_PREFIX}${deviceId}.pmack`; // ACK_FILE_EXTENSION
}

/**
 * Whether `reader` picks up the sync file `name` from its inbox. A convenience that keeps a
 * device from touching other devices' acknowledgements in a shared `from-hq/`, not a security
 * check: the importer verifies the signature and the recipient of everything it reads.
 */
export function isAddressedTo(name: string, reader: SyncReader): boolean {
  if (!isSyncFileName(name)) return false;
  const kind = syncFileKind(name);
  if (kind === 'bundle') return true;
  if (reader.role === 'hq') return false; // acknowledgements and reference data only travel from HQ
  if (kind === 'reference') return true; // one file for every device
  const expected = acknowledgementFileName(reader.deviceId);
  const stem = expected.slice(0, expected.length - '.pmack'.length);
  return name.length === expected.length && name.startsWith(stem);
}

export type ArchiveDisposition = 'imported' | 'rejected';

export const archiveFolderName = (disposition: ArchiveDisposition): string =>
  disposition === 'imported' ? SYNC_FOLDER_LAYOUT.processed : SYNC_FOLDER_LAYOUT.rejected;

export type SyncFileKind = 'bundle' | 'acknowledgement' | 'reference';

const KIND_BY_EXTENSION: ReadonlyArray<readonly [string, SyncFileKind]> = [
  ['.pmbundle', 'bundle'], // BUNDLE_FILE_EXTENSION
  ['.pmack', 'acknowledgement'], // ACK_FILE_EXTENSION
  ['.pmref', 'reference'], // REFERENCE_FILE_EXTENSION
];

export const SYNC_FILE_EXTENSIONS: readonly string[] = KIND_BY_EXTENSION.map(([extension]) => extension);

/** The largest sync file written or read (DEFAULT_SYNC_LIMITS.maxBundleBytes). */
export const MAX_SYNC_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Names that sync services, editors and browsers give files while they are still being
 * written or that only mark something: never a finished sync file.
 * - dotfiles: Syncthing `.syncthing.<name>.tmp`, Nextcloud `.<name>.~<hex>`, rsync `.<name>.XXXXXX`,
 *   Google Drive `.tmp.drivedownload`, LibreOffice `.~lock.<name>#`, our own `.<name>.<uuid>.pm-tmp`,
 *   and markers such as `.stfolder` or `.DS_Store`;
 * - Syncthing on Windows `~syncthing~<name>.tmp`; Office and OneDrive owner files `~$<name>`;
 * - download and copy suffixes: `.partial`, `.part`, `.tmp`, `.crdownload`, `.download`, `.!sync`,
 *   and Chromium's `.crswap`, the swap file behind the File System Access API's writes.
 */
const TEMPORARY_NAME_PATTERNS: readonly RegExp[] = [
  /^\./,
  /^~syncthing~.*\.tmp$/i,
  /^~\$/,
  /\.(partial|part|tmp|temp|crdownload|crswap|download|!sync)$/i,
];

export function isTemporaryName(name: string): boolean {
  return TEMPORARY_NAME_PATTERNS.some((pattern) => pattern.test(name));
}

/**
 * A single file name that means the same on every file system we meet (ext4, NTFS, exFAT on a
 * USB stick, network shares): no separators, no `:` (an NTFS alternate stream), none of the
 * characters Windows refuses, no trailing dot or space (Windows strips them, so two names
 * would meet), no control characters.
 */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    // eslint-disable-next-line no-control-regex -- control characters are what this refuses
    !/[\\/:*?"<>|\u0000-\u001f\u007f]/.test(name) &&
    !/[. ]$/.test(name)
  );
}

export function syncFileKind(name: string): SyncFileKind | null {
  const lower = name.toLowerCase();
  return KIND_BY_EXTENSION.find(([extension]) => lower.endsWith(extension))?.[1] ?? null;
}

/** A finished-looking sync file name: plain, not temporary, a known extension. */
export function isSyncFileName(name: string): boolean {
  return isPlainFileName(name) && !isTemporaryName(name) && syncFileKind(name) !== null;
}
