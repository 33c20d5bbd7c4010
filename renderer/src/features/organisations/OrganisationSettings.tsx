import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationInput } from '../../../../shared/referrals/referralSchema';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import type { Organisation } from '../../db/repositories/organisationRepository';
import { saveErrorMessage } from '../referrals/saveErrorMessage';
import { emptyOrganisation, OrganisationForm } from './OrganisationForm';
import { useOrganisations } from './useOrganisations';

/** Settings: the organisations referrals can go to. Seeded from the partners; editable here. */
export function OrganisationSettings() {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const { data: organisations } = useOrganisations();
  /** 'new', an organisation's id, or null when no form is open. */
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState('');
  const current = organisations?.find((o) => o.id === editing);

  const save = async (values: OrganisationInput) => {
    try {
      if (current) await store.organisations.update(current.id, { ...values, active: current.active });
      else await store.organisations.create(values);
      setEditing(null);
      setError('');
      notice(t('organisations.saved', { name: values.name }));
    } catch (e) {
      setError(saveErrorMessage(t, e));
    }
  };
  const setActive = async (o: Organisation, active: boolean) => {
    await (active ? store.organisations.reactivate(o.id) : store.organisations.deactivate(o.id));
    notice(t(active ? 'organisations.reactivated' : 'organisations.deactivated', { name: o.name }));
  };

  return (
    <section aria-labelledby="settings-organisations" className="organisation-settings">
      <div className="section-header">
        <h2 id="settings-organisations">{t('organisations.title')}</h2>
        {editing === null && (
          <button type="button" onClick={() => setEditing('new')}>
            {t('organisations.add')}
          </button>
        )}
      </div>
      <p className="hint">{t('organisations.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {editing !== null && (
        <OrganisationForm
          key={editing}
          title={current ? t('organisations.editTitle', { name: current.name }) : t('organisations.addTitle')}
          initial={
            current
              ? { name: current.name, services: current.services, contact: current.contact }
              : emptyOrganisation
          }
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      )}
      <ul className="organisation-list">
        {organisations?.map((o) => (
          <li key={o.id} className={o.active ? undefined : 'inactive'}>
            <div>
              <strong>{o.name}</strong>
              {!o.active && <span className="badge">{t('organisations.inactive')}</span>}
              <p className="muted">{o.services.map((s) => t(`referrals.service.${s}`)).join(', ')}</p>
              {o.contact && <p className="muted">{o.contact}</p>}
            </div>
            <div className="actions">
              <button
                type="button"
                className="small"
                aria-label={t('organisations.editNamed', { name: o.name })}
                onClick={() => setEditing(o.id)}
              >
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="small"
                aria-label={t(o.active ? 'organisations.deactivateNamed' : 'organisations.reactivateNamed', {
                  name: o.name,
                })}
                onClick={() => void setActive(o, !o.active)}
              >
                {o.active ? t('organisations.deactivate') : t('organisations.reactivate')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
