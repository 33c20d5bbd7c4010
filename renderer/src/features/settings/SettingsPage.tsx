import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { OrganisationSettings } from '../organisations/OrganisationSettings';
import { ReportSettings } from '../reports/ReportSettings';
import { AuditChainCheck } from './AuditChainCheck';
import { LanguageSelect } from './LanguageSelect';
import { StorageHealth } from './StorageHealth';
import { SecuritySettings } from '../vault/SecuritySettings';
import { BackupSettings } from '../backups/BackupSettings';
import { RetentionSettings } from '../retention/RetentionSettings';
import { useLocalSettings } from './useLocalSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const { appInfo } = useServices();
  const { data: settings } = useLocalSettings();

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <section aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.languageSection')}</h2>
        <LanguageSelect />
      </section>
      <section aria-labelledby="settings-monitor">
        <h2 id="settings-monitor">{t('settings.monitorSection')}</h2>
        {settings && <MonitorNameForm key={settings.monitorName} initial={settings.monitorName} />}
      </section>
      <SecuritySettings />
      <BackupSettings />
      <RetentionSettings />
      <OrganisationSettings />
      <ReportSettings />
      <AuditChainCheck />
      <section aria-labelledby="settings-storage">
        <h2 id="settings-storage">{t('settings.storageSection')}</h2>
        <StorageHealth />
      </section>
      <section aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.aboutSection')}</h2>
        <dl className="details">
          <div>
            <dt>{t('settings.version')}</dt>
            <dd>{appInfo.version}</dd>
          </div>
          <div>
            <dt>{t('settings.host')}</dt>
            <dd>{appInfo.host === 'electron' ? t('settings.hostElectron') : t('settings.hostBrowser')}</dd>
          </div>
          <div>
            <dt>{t('settings.deviceId')}</dt>
            <dd>{settings?.deviceId}</dd>
          </div>
        </dl>
      </section>
    </section>
  );
}

/** Keyed by the stored name, so it starts over when the name changes elsewhere. */
function MonitorNameForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const { store } = useServices();
  const notice = useNotice();
  const [monitorName, setMonitorName] = useState(initial);
  const saveName = async (event: FormEvent) => {
    event.preventDefault();
    await store.settings.setMonitorName(monitorName);
    notice(t('settings.monitorSaved'));
  };
  return (
    <form onSubmit={saveName} className="inline-form">
      <label className="field">
        <span>{t('settings.monitorName')}</span>
        <input value={monitorName} maxLength={120} onChange={(e) => setMonitorName(e.target.value)} />
      </label>
      <button type="submit">{t('common.save')}</button>
    </form>
  );
}
