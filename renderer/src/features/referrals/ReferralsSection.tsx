import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localDate, localToday } from '../../../../shared/validation/fields';
import { isReferralOverdue } from '../../db/repositories/referralRepository';
import { useOrganisationName } from '../organisations/useOrganisations';
import { OverdueBadge, ReferralStatusBadge } from './ReferralBadges';
import { useHouseholdReferrals } from './useReferrals';

/** A household's referrals (or a visit's), on the household or visit page, with "Refer to a service". */
export function ReferralsSection({ householdId, visitId }: { householdId: string; visitId?: string }) {
  const { t } = useTranslation();
  const { data: referrals } = useHouseholdReferrals(householdId, visitId);
  const organisationName = useOrganisationName();
  const today = localToday();
  const query = new URLSearchParams({ householdId, ...(visitId ? { visitId } : {}) });

  return (
    <section aria-labelledby={`referrals-${visitId ?? householdId}`} className="referrals-section">
      <div className="section-header">
        <h2 id={`referrals-${visitId ?? householdId}`}>{t('referrals.sectionTitle')}</h2>
        <Link className="button" to={`/referrals/new?${query.toString()}`}>
          {t('referrals.referToService')}
        </Link>
      </div>
      {referrals?.length === 0 && <p className="empty">{t('referrals.sectionEmpty')}</p>}
      {referrals && referrals.length > 0 && (
        <ul className="record-list">
          {referrals.map((r) => (
            <li key={r.id} className={isReferralOverdue(r, today) ? 'overdue-row' : undefined}>
              <Link to={`/referrals/${r.id}`}>{t(`referrals.service.${r.service}`)}</Link>
              <span className="muted"> — {organisationName(r.organisationId)}</span>
              <span className="meta">
                <ReferralStatusBadge status={r.status} />{' '}
                {t('referrals.dueOn', { date: t('format.date', { value: localDate(r.dueDate) }) })}
                {isReferralOverdue(r, today) && <OverdueBadge />}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
