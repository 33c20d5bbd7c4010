import { useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { LogoError } from '../../db/repositories/reportDataRepository';
import { useLiveResult } from '../../hooks/useLiveResult';

/** Settings section: the organisation name and logo printed on every page of every report. */
export function ReportSettings() {
  const { t } = useTranslation();
  const store = useStore();
  const id = useId();
  const { data: branding } = useLiveResult(() => store.reports.branding(), [store]);
  return (
    <section aria-labelledby={`${id}-title`} className="report-settings">
      <h2 id={`${id}-title`}>{t('reports.ui.settings.title')}</h2>
      {branding && <OrganisationNameForm key={branding.organisationName} initial={branding.organisationName} />}
      <LogoField logo={branding?.logo ?? null} />
    </section>
  );
}

function OrganisationNameForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const id = useId();
  const [name, setName] = useState(initial);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    await store.reports.saveOrganisationName(name);
    notice(t('reports.ui.settings.saved'));
  };
  return (
    <form onSubmit={save} className="inline-form">
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('reports.ui.settings.organisationName')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setName(e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {t('reports.ui.settings.organisationHint')}
        </p>
      </div>
      <button type="submit">{t('reports.ui.settings.save')}</button>
    </form>
  );
}

function LogoField({ logo }: { logo: { format: 'PNG' | 'JPEG'; data: Uint8Array } | null }) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const preview = useMemo(
    () =>
      logo ? URL.createObjectURL(new Blob([logo.data as BlobPart], { type: logo.format === 'PNG' ? 'image/png' : 'image/jpeg' })) : null,
    [logo],
  );
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    try {
      await store.reports.saveLogo(new Uint8Array(await file.arrayBuffer()));
      notice(t('reports.ui.settings.logoSaved'));
    } catch (e) {
      if (e instanceof LogoError) setError(t(`reports.ui.settings.logoError.${e.reason}`));
      else throw e;
    }
  };
  const remove = async () => {
    await store.reports.saveLogo(null);
    notice(t('reports.ui.settings.logoRemoved'));
  };

  return (
    <div className="field report-logo">
      <label htmlFor={`${id}-logo`}>{t('reports.ui.settings.logo')}</label>
      <div className="report-logo-row">
        {preview ? (
          <img src={preview} alt={t('reports.ui.settings.logoAlt')} className="report-logo-preview" />
        ) : (
          <span className="hint">{t('reports.ui.settings.noLogo')}</span>
        )}
        <input
          id={`${id}-logo`}
          type="file"
          accept="image/png,image/jpeg"
          aria-describedby={`${id}-logo-hint ${id}-logo-error`}
          aria-invalid={Boolean(error)}
          onChange={choose}
        />
        {logo && (
          <button type="button" onClick={remove}>
            {t('reports.ui.settings.logoRemove')}
          </button>
        )}
      </div>
      <p id={`${id}-logo-hint`} className="hint">
        {t('reports.ui.settings.logoHint')}
      </p>
      <p id={`${id}-logo-error`} role="alert" className="field-error">
        {error}
      </p>
    </div>
  );
}
