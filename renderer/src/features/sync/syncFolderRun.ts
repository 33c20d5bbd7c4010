import type { HostApi } from '../../../../shared/host/hostApi';
import type { SyncInboxFile } from '../../../../shared/ipc/contract';
import type { DataStore } from '../../db/dataStore';
import { isSyncFileError } from '../../db/sync/syncFileError';

export interface SyncFolder {
  folderId: string;
  displayName: string;
}

/** What one pass over the sync folder did, per file. */
export interface SyncFolderOutcome {
  /** Field: the bundles written to `to-hq`, if there were changes (several for a large export). */
  sent?: { fileNames: string[]; records: number };
  /** HQ: acknowledgements written to `from-hq`, one per active device. */
  acknowledged: string[];
  files: {
    name: string;
    status:
      | 'imported'
      | 'held'
      | 'already-imported'
      | 'applied'
      | 'already-applied'
      | 'no-change'
      | 'refused';
    code?: string;
    records?: number;
  }[];
  /** HQ: the reference-data file written to `from-hq`, when shelters or organisations changed. */
  reference?: string;
}

type Host = Pick<
  HostApi,
  'listSyncInbox' | 'readSyncInboxFile' | 'writeSyncOutboxFile' | 'archiveSyncInboxFile'
>;

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/**
 * One pass over the sync folder (docs/sync-format.md §12), as "Sync now", the start of the app
 * and the folder watcher run it. A field device writes its unacknowledged changes to `to-hq` and
 * applies the acknowledgements HQ left for it in `from-hq`; HQ imports every bundle in `to-hq`
 * and writes each device's acknowledgement back. Every file read is archived: `processed/` when
 * it was taken in (or held for a decision), `rejected/` when it was refused, so it is never
 * read twice and a refused file stays there for a person to look at.
 */
export async function runSyncFolder(
  store: DataStore,
  host: Host,
  folder: SyncFolder,
  options: { send?: boolean; only?: SyncInboxFile[] } = {},
): Promise<SyncFolderOutcome> {
  const role = await store.sync.role();
  const deviceId = (await store.settings.get()).deviceId;
  const reader =
    role === 'hq'
      ? ({ folderId: folder.folderId, role: 'hq' } as const)
      : ({ folderId: folder.folderId, role: 'field', deviceId } as const);
  const outcome: SyncFolderOutcome = { acknowledged: [], files: [] };

  if (role === 'field' && options.send !== false && (await store.sync.organisation())) {
    const bundles = await store.sync.exportBundles();
    for (const bundle of bundles) {
      unwrap(
        await host.writeSyncOutboxFile({ folderId: folder.folderId, role, name: bundle.fileName, data: bundle.bytes }),
      );
    }
    if (bundles.length > 0) {
      outcome.sent = {
        fileNames: bundles.map((b) => b.fileName),
        records: bundles.reduce((n, b) => n + b.header.counts.records, 0),
      };
    }
  }

  const ready = options.only ?? unwrap(await host.listSyncInbox(reader)).ready;
  for (const file of ready) {
    const data = unwrap(await host.readSyncInboxFile({ ...reader, name: file.name }));
    try {
      if (role === 'hq') {
        const result = await store.sync.importBundle(data, file.name);
        outcome.files.push({
          name: file.name,
          status: result.status,
          records: result.status === 'imported' ? result.report.inserted + result.report.updated : undefined,
        });
      } else if (file.kind === 'reference') {
        const result = await store.sync.applyReferenceBundle(data, file.name);
        outcome.files.push({ name: file.name, status: result.status });
        // Left in place: every device of the folder reads it; each keeps the newest it applied.
        continue;
      } else {
        const result = await store.sync.applyAcknowledgement(data, file.name);
        outcome.files.push({ name: file.name, status: result.status });
      }
      unwrap(await host.archiveSyncInboxFile({ ...reader, name: file.name, disposition: 'imported' }));
    } catch (error) {
      if (!isSyncFileError(error)) throw error;
      outcome.files.push({ name: file.name, status: 'refused', code: error.code });
      unwrap(await host.archiveSyncInboxFile({ ...reader, name: file.name, disposition: 'rejected' }));
    }
  }

  if (role === 'hq') {
    const reference = await store.sync.referenceBundleIfChanged();
    if (reference) {
      unwrap(
        await host.writeSyncOutboxFile({
          folderId: folder.folderId,
          role,
          name: reference.fileName,
          data: reference.bytes,
        }),
      );
      outcome.reference = reference.fileName;
    }
    for (const device of await store.sync.devices()) {
      if (device.status !== 'active' || device.bundles === 0) continue;
      const ack = await store.sync.acknowledgementFor(device.deviceId);
      unwrap(
        await host.writeSyncOutboxFile({
          folderId: folder.folderId,
          role,
          name: ack.fileName,
          data: ack.bytes,
        }),
      );
      outcome.acknowledged.push(ack.fileName);
    }
  }
  return outcome;
}
