import type { HostApi } from '../../../../shared/host/hostApi';
import type { BackupWriteResult } from '../../../../shared/ipc/contract';
import { createBackup } from '../../../../shared/vault/backupContainer';
import type { BackupKind } from '../../../../shared/vault/backupFiles';
import type { VaultKeys } from '../../../../shared/vault/dataKey';
import type { Bytes } from '../../../../shared/vault/encoding';
import type { VaultRecord } from '../../../../shared/vault/vaultRecord';
import { BackupError } from './backupErrors';
import { encodeSnapshot, SNAPSHOT_CONTENT_TYPE, type Snapshot } from './snapshot';

/** What a backup needs of an unlocked vault (a `VaultSession` is one). */
export interface BackupVault {
  vault: Pick<VaultRecord, 'id' | 'keyId' | 'passphrase' | 'recovery'>;
  keys: Pick<VaultKeys, 'backupKey' | 'keyId'>;
}

export interface SealedBackup {
  bytes: Bytes;
  createdAt: Date;
}

/**
 * A snapshot sealed in the backup container: encrypted with the vault's backup key, and with
 * the vault's key slots in the header, so it opens with the passphrase or the recovery key on
 * another laptop too.
 */
export async function sealSnapshot(
  snapshot: Snapshot,
  session: BackupVault,
  options: { appVersion: string; now?: Date },
): Promise<SealedBackup> {
  const createdAt = options.now ?? new Date();
  const bytes = await createBackup({
    payload: encodeSnapshot(snapshot),
    keys: session.keys,
    vault: session.vault,
    appSchemaVersion: snapshot.schemaVersion,
    appVersion: options.appVersion,
    contentType: SNAPSHOT_CONTENT_TYPE,
    now: createdAt,
  });
  return { bytes, createdAt };
}

/** Seals a snapshot and stores it in the app's backup folder (the host rotates the folder). */
export async function writeVaultBackup(
  host: Pick<HostApi, 'writeBackup'>,
  snapshot: Snapshot,
  session: BackupVault,
  options: { kind: BackupKind; appVersion: string; now?: Date },
): Promise<BackupWriteResult> {
  const sealed = await sealSnapshot(snapshot, session, options);
  const written = await host.writeBackup({
    vaultId: session.vault.id,
    kind: options.kind,
    createdAt: sealed.createdAt.toISOString(),
    data: sealed.bytes,
  });
  if (!written.ok) {
    throw new BackupError('host-failed', `Backup not written: ${written.error.message}`, {
      hostCode: written.error.code,
    });
  }
  return written.value;
}

/** `protection-monitor-backup-2025-03-12-0930.pmbackup`, for "Back up to file…". */
export function exportFileName(createdAt: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const d = createdAt;
  return `protection-monitor-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.pmbackup`;
}
