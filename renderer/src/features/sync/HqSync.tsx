import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnownDevice } from '../../../../shared/sync/deviceFile';
import { formatFingerprint } from '../../../../shared/sync/keys';
import { useServices } from '../../app/AppServices';
import type { ImportOutcome } from '../../db/sync/importBundle';
import { useLiveResult } from '../../hooks/useLiveResult';
import { ConflictsSection } from './ConflictsSection';
import { openSyncFile, saveSyncFile, utf8Bytes, utf8Text } from './syncFiles';
import { SyncFolderSection } from './SyncFolderSection';
import { OrganisationDetails } from './OrganisationDetails';
import { ActionOutcome, useSyncAction } from './useSyncAction';

/** Headquarters: the organisation's keys, importing devices' files, devices, reference data, conflicts. */
export function HqSync() {
  return (
    <>
      <HqOrganisationSection />
      <ImportSection />
      <SyncFolderSection />
      <DevicesSection />
      <ReferenceSection />
      <ConflictsSection />
    </>
  );
}

function HqOrganisationSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const { data: organisation } = useLiveResult(() => store.sync.organisation(), [store]);
  const action = useSyncAction();
  const save = () =>
    action.run(async () => {
      const text = await store.sync.organisationFile();
      const saved = await saveSyncFile(host, t, 'organisation', 'organisation.pmorg', utf8Bytes(text));
      return t('sync.saved', { location: saved.location });
    });
  return (
    <section aria-labelledby="sync-organisation">
      <h2 id="sync-organisation">{t('sync.organisation.title')}</h2>
      <p>{t('sync.hq.organisationIntro')}</p>
      {organisation && <OrganisationDetails organisation={organisation} />}
      <button type="button" onClick={() => void save()} disabled={action.busy}>
        {t('sync.hq.saveOrganisation')}
      </button>
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const [device, setDevice] = useState<{ text: string; device: KnownDevice } | null>(null);
  const action = useSyncAction();

  const describe = (outcome: ImportOutcome) =>
    outcome.status === 'imported'
      ? t('sync.hq.imported', {
          file: outcome.fileName,
          count: outcome.report.inserted + outcome.report.updated,
          conflicts: outcome.report.newConflicts.length,
        })
      : outcome.status === 'already-imported'
        ? t('sync.hq.alreadyImported', { file: outcome.fileName })
        : t('sync.hq.held', { file: outcome.fileName, device: outcome.header.sender.deviceId });

  const importFile = () =>
    action.run(async () => {
      const file = await openSyncFile(host, t, ['bundle', 'device']);
      if (file.type === 'device') {
        const text = utf8Text(file.data);
        setDevice({ text, device: await store.sync.previewDeviceFile(text) });
        return undefined;
      }
      return describe(await store.sync.importBundle(file.data, file.name));
    });

  const enrol = () =>
    action.run(async () => {
      const released = await store.sync.enrolDevice(device!.text);
      const name = device!.device.name;
      setDevice(null);
      const failed = released.filter((r) => r.error);
      return [
        t('sync.hq.enrolled', { name, count: released.length - failed.length }),
        ...released.flatMap((r) => (r.outcome ? [describe(r.outcome)] : [])),
      ].join(' ');
    });

  return (
    <section aria-labelledby="sync-import">
      <h2 id="sync-import">{t('sync.hq.importTitle')}</h2>
      <p>{t('sync.hq.importIntro')}</p>
      {device ? (
        <div role="group" aria-labelledby="sync-enrol">
          <p id="sync-enrol">
            {t('sync.hq.compareDevice', { name: device.device.name, id: device.device.deviceId })}
          </p>
          <p className="fingerprint" aria-label={t('sync.device.fingerprint')}>
            {formatFingerprint(device.device.fingerprint)}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void enrol()} disabled={action.busy}>
              {t('sync.hq.enrol')}
            </button>
            <button type="button" onClick={() => setDevice(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="primary" onClick={() => void importFile()} disabled={action.busy}>
          {t('sync.hq.importFile')}
        </button>
      )}
      <ActionOutcome message={action.message} error={action.error} />
      <HeldBundles />
    </section>
  );
}

function HeldBundles() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { data: held } = useLiveResult(() => store.sync.heldBundles(), [store]);
  if (!held || held.length === 0) return null;
  return (
    <>
      <h3 id="sync-held">{t('sync.hq.heldTitle')}</h3>
      <p className="hint">{t('sync.hq.heldIntro')}</p>
      <table aria-labelledby="sync-held">
        <thead>
          <tr>
            <th scope="col">{t('sync.hq.column.file')}</th>
            <th scope="col">{t('sync.hq.column.device')}</th>
            <th scope="col">{t('sync.device.fingerprint')}</th>
            <th scope="col">{t('sync.hq.column.action')}</th>
          </tr>
        </thead>
        <tbody>
          {held.map((bundle) => (
            <tr key={bundle.id}>
              <td>{bundle.fileName}</td>
              <td>{bundle.deviceId}</td>
              <td className="fingerprint">{formatFingerprint(bundle.keyFingerprint)}</td>
              <td>
                <button type="button" onClick={() => void store.sync.discardHeldBundle(bundle.id)}>
                  {t('sync.hq.discard', { file: bundle.fileName })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function DevicesSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const { data: devices } = useLiveResult(() => store.sync.devices(), [store]);
  const action = useSyncAction();
  const saveAck = (deviceId: string) =>
    action.run(async () => {
      const ack = await store.sync.acknowledgementFor(deviceId);
      const saved = await saveSyncFile(host, t, 'acknowledgement', ack.fileName, ack.bytes);
      return t('sync.saved', { location: saved.location });
    });
  return (
    <section aria-labelledby="sync-devices">
      <h2 id="sync-devices">{t('sync.hq.devicesTitle')}</h2>
      {!devices || devices.length === 0 ? (
        <p className="empty">{t('sync.hq.noDevices')}</p>
      ) : (
        <table aria-labelledby="sync-devices">
          <thead>
            <tr>
              <th scope="col">{t('sync.hq.column.device')}</th>
              <th scope="col">{t('sync.device.fingerprint')}</th>
              <th scope="col">{t('sync.hq.column.status')}</th>
              <th scope="col">{t('sync.hq.column.bundles')}</th>
              <th scope="col">{t('sync.hq.column.lastImport')}</th>
              <th scope="col">{t('sync.hq.column.action')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.deviceId}>
                <td>{device.name}</td>
                <td className="fingerprint">{formatFingerprint(device.fingerprint)}</td>
                <td>{t(`sync.hq.status.${device.status}`)}</td>
                <td>{device.bundles}</td>
                <td>
                  {device.lastImportedAt
                    ? t('format.dateTime', { value: new Date(device.lastImportedAt) })
                    : '—'}
                </td>
                <td className="actions">
                  <button type="button" onClick={() => void saveAck(device.deviceId)} disabled={action.busy}>
                    {t('sync.hq.saveAck', { name: device.name })}
                  </button>
                  {device.status !== 'revoked' && (
                    <button type="button" onClick={() => void store.sync.revokeDevice(device.deviceId)}>
                      {t('sync.hq.revoke', { name: device.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}

/** The shelter registry, partners and questionnaire versions, signed for every device. */
function ReferenceSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const action = useSyncAction();
  const save = () =>
    action.run(async () => {
      const file = await store.sync.referenceBundle();
      const saved = await saveSyncFile(host, t, 'reference', file.fileName, file.bytes);
      return t('sync.hq.referenceSaved', {
        shelters: file.header.counts.shelters,
        organisations: file.header.counts.organisations,
        location: saved.location,
      });
    });
  return (
    <section aria-labelledby="sync-reference">
      <h2 id="sync-reference">{t('sync.hq.referenceTitle')}</h2>
      <p>{t('sync.hq.referenceIntro')}</p>
      <button type="button" onClick={() => void save()} disabled={action.busy}>
        {t('sync.hq.saveReference')}
      </button>
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}
