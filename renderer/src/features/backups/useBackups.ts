import { useCallback, useEffect, useState } from 'react';
import type { BackupFileInfo } from '../../../../shared/vault/backupFiles';
import { useServices } from '../../app/AppServices';

export interface BackupList {
  files: BackupFileInfo[] | undefined;
  /** The host could not list the folder. */
  failed: boolean;
  reload: () => void;
}

/**
 * This vault's backups in the app's backup folder, newest first. Not live (a folder, not a
 * table): the section reloads after it writes one, and the daily backup that may be running in
 * the background shows on the next visit.
 */
export function useBackups(): BackupList {
  const { host, vault } = useServices();
  const vaultId = vault.session.vault.id;
  const [files, setFiles] = useState<BackupFileInfo[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    void host.listBackups({ vaultId }).then((listed) => {
      if (!active) return;
      setFailed(!listed.ok);
      setFiles(listed.ok ? listed.value : []);
    });
    return () => {
      active = false;
    };
  }, [host, vaultId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { files, failed, reload };
}
