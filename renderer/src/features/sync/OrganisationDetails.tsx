import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../../shared/sync/keys';
import type { Organisation } from '../../../../shared/sync/orgFile';

/** The organisation's name and the fingerprint people compare by phone. */
export function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <div>
        <dt>{t('sync.organisation.name')}</dt>
        <dd>{organisation.name}</dd>
      </div>
      <div>
        <dt>{t('sync.organisation.fingerprint')}</dt>
        <dd className="fingerprint">{formatFingerprint(organisation.fingerprint)}</dd>
      </div>
    </dl>
  );
}
