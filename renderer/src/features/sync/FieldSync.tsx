import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../../shared/sync/keys';
import type { Organisation } from '../../../../shared/sync/orgFile';
import type { QuestionnaireRef } from '../../../../shared/sync/referenceBundle';
import { useServices } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';
import { useLocalSettings } from '../settings/useLocalSettings';
import { openSyncFile, saveSyncFile, utf8Bytes, utf8Text } from './syncFiles';
import { SyncFolderSection } from './SyncFolderSection';
import { OrganisationDetails } from './OrganisationDetails';
import { ActionOutcome, useSyncAction } from './useSyncAction';

/** A field device: trust the organisation, enrol with HQ, send changes, apply acknowledgements and reference data. */
export function FieldSync() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { data: organisation, isLoading } = useLiveResult(() => store.sync.organisation(), [store]);
  if (isLoading) return null;
  return (
    <>
      <OrganisationSection organisation={organisation ?? null} />
      <DeviceSection />
      {organisation ? (
        <>
          <SendSection />
          <ReferenceSection />
        </>
      ) : (
        <p className="hint">{t('sync.field.needOrganisation')}</p>
      )}
      {organisation && <SyncFolderSection />}
    </>
  );
}

function OrganisationSection({ organisation }: { organisation: Organisation | null }) {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const [preview, setPreview] = useState<{ text: string; organisation: Organisation } | null>(null);
  const action = useSyncAction();

  const choose = () =>
    action.run(async () => {
      const file = await openSyncFile(host, t, ['organisation']);
      const text = utf8Text(file.data);
      setPreview({ text, organisation: await store.sync.previewOrganisationFile(text) });
      return undefined;
    });
  const trust = () =>
    action.run(async () => {
      await store.sync.trustOrganisationFile(preview!.text);
      setPreview(null);
      return t('sync.field.organisationTrusted');
    });

  return (
    <section aria-labelledby="sync-organisation">
      <h2 id="sync-organisation">{t('sync.organisation.title')}</h2>
      {organisation ? (
        <OrganisationDetails organisation={organisation} />
      ) : (
        <p>{t('sync.field.organisationIntro')}</p>
      )}
      {preview ? (
        <div role="group" aria-labelledby="sync-compare">
          <p id="sync-compare">{t('sync.field.compare', { name: preview.organisation.name })}</p>
          <p className="fingerprint" aria-label={t('sync.organisation.fingerprint')}>
            {formatFingerprint(preview.organisation.fingerprint)}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void trust()}>
              {t('sync.field.fingerprintMatches')}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => void choose()} disabled={action.busy}>
          {organisation ? t('sync.field.replaceOrganisation') : t('sync.field.importOrganisation')}
        </button>
      )}
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}

function DeviceSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const { data: settings } = useLocalSettings();
  const { data: fingerprint } = useLiveResult(() => store.sync.deviceFingerprint(), [store]);
  const action = useSyncAction();
  const save = () =>
    action.run(async () => {
      const text = await store.sync.deviceFile(settings?.deviceName || settings?.deviceId || '');
      const saved = await saveSyncFile(
        host,
        t,
        'device',
        `${settings?.deviceName || 'device'}.pmdevice`,
        utf8Bytes(text),
      );
      return t('sync.saved', { location: saved.location });
    });
  return (
    <section aria-labelledby="sync-device">
      <h2 id="sync-device">{t('sync.device.title')}</h2>
      <p>{t('sync.device.intro')}</p>
      <dl className="details">
        <div>
          <dt>{t('sync.device.fingerprint')}</dt>
          <dd className="fingerprint">{fingerprint ? formatFingerprint(fingerprint) : ''}</dd>
        </div>
      </dl>
      <button type="button" onClick={() => void save()} disabled={action.busy}>
        {t('sync.device.saveFile')}
      </button>
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}

function SendSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const { data: status } = useLiveResult(() => store.sync.outgoingStatus(), [store]);
  const [full, setFull] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const send = useSyncAction();
  const ack = useSyncAction();

  const exportBundle = () =>
    send.run(async () => {
      setProgress(0);
      try {
        const bundles = await store.sync.exportBundles({
          full,
          onProgress: (p) => setProgress(p.phase === 'collecting' ? 0.3 : p.phase === 'sealing' ? 0.7 : 1),
        });
        if (bundles.length === 0) return t('sync.field.nothingToSend');
        // A large export comes in several files, saved one after the other (HQ imports them in any order).
        const locations: string[] = [];
        for (const bundle of bundles) locations.push((await saveSyncFile(host, t, 'bundle', bundle.fileName, bundle.bytes)).location);
        const count = bundles.reduce((n, b) => n + b.header.counts.records, 0);
        return t('sync.field.sent', { count, location: locations.join(', ') });
      } finally {
        setProgress(null);
      }
    });

  const { data: purge } = useLiveResult(() => store.sync.purgeAcknowledged(), [store]);
  const importAck = () =>
    ack.run(async () => {
      const file = await openSyncFile(host, t, ['acknowledgement']);
      const outcome = await store.sync.applyAcknowledgement(file.data, file.name);
      return outcome.status === 'applied'
        ? t('sync.field.ackApplied', { count: outcome.bundlesConfirmed })
        : t('sync.field.ackNoChange');
    });

  return (
    <>
      <section aria-labelledby="sync-send">
        <h2 id="sync-send">{t('sync.field.sendTitle')}</h2>
        {status && (
          <p>
            {status.pendingChanges > 0
              ? t('sync.field.pending', { count: status.pendingChanges })
              : t('sync.field.upToDate')}
          </p>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
          {t('sync.field.full')}
        </label>
        <button type="button" className="primary" onClick={() => void exportBundle()} disabled={send.busy}>
          {t('sync.field.send')}
        </button>
        {progress !== null && <progress value={progress} max={1} aria-label={t('sync.field.progress')} />}
        <ActionOutcome message={send.message} error={send.error} />
      </section>
      <section aria-labelledby="sync-ack">
        <h2 id="sync-ack">{t('sync.field.ackTitle')}</h2>
        <p>{t('sync.field.ackIntro')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={purge ?? false}
            onChange={(e) => void store.sync.setPurgeAcknowledged(e.target.checked)}
          />
          {t('sync.field.purge')}
        </label>
        <button type="button" onClick={() => void importAck()} disabled={ack.busy}>
          {t('sync.field.importAck')}
        </button>
        <ActionOutcome message={ack.message} error={ack.error} />
      </section>
    </>
  );
}

/** HQ's shelter registry, partners and questionnaire versions: verified, then merged field by field. */
function ReferenceSection() {
  const { t } = useTranslation();
  const { store, host } = useServices();
  const { data: state } = useLiveResult(() => store.sync.referenceDataStatus(), [store]);
  const action = useSyncAction();

  const missingText = (missing: readonly QuestionnaireRef[]) =>
    t('sync.field.questionnairesMissing', {
      list: missing
        .map((q) => t('sync.field.questionnaireVersion', { id: q.id, version: q.version }))
        .join(', '),
    });

  const importReference = () =>
    action.run(async () => {
      const file = await openSyncFile(host, t, ['reference']);
      const outcome = await store.sync.applyReferenceBundle(file.data, file.name);
      const summary =
        outcome.status === 'applied'
          ? t('sync.field.referenceApplied', { count: outcome.report.inserted + outcome.report.updated })
          : t('sync.field.referenceNotNewer');
      return outcome.missingQuestionnaires.length > 0
        ? `${summary} ${missingText(outcome.missingQuestionnaires)}`
        : summary;
    });

  return (
    <section aria-labelledby="sync-reference">
      <h2 id="sync-reference">{t('sync.field.referenceTitle')}</h2>
      <p>{t('sync.field.referenceIntro')}</p>
      <p>
        {state
          ? t('sync.field.referenceLast', {
              date: t('format.dateTime', { value: new Date(state.createdAt) }),
            })
          : t('sync.field.referenceNone')}
      </p>
      {state && state.missingQuestionnaires.length > 0 && (
        <p className="hint">{missingText(state.missingQuestionnaires)}</p>
      )}
      <button type="button" onClick={() => void importReference()} disabled={action.busy}>
        {t('sync.field.importReference')}
      </button>
      <ActionOutcome message={action.message} error={action.error} />
    </section>
  );
}
