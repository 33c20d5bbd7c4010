import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { localDate, localToday } from '../../../../shared/validation/fields';
import { isReferralOverdue } from '../../db/repositories/referralRepository';
import { AuditHistory } from '../audit/AuditHistory';
import { ReportButton } from '../reports/ReportButton';
import { FollowUpsSection } from '../followUps/FollowUpsSection';
import { useOrganisationName } from '../organisations/useOrganisations';
import { OverdueBadge, ReferralStatusBadge } from './ReferralBadges';
import { ReferralStatusActions } from './ReferralStatusActions';
import { ReferralStatusHistory } from './ReferralStatusHistory';
import { useHouseholdWithMembers, useReferral } from './useReferrals';
import { DetailList } from '../../components/DetailList';

export function ReferralDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: referral, isLoading } = useReferral(id);
  const { data: household } = useHouseholdWithMembers(referral?.householdId ?? null);
  const organisationName = useOrganisationName();

  if (isLoading) return null;
  if (!referral) return <p role="alert">{t('referrals.notFound')}</p>;

  const date = (iso: string) => t('format.date', { value: localDate(iso) });
  const person = referral.personId ? household?.members.find((m) => m.id === referral.personId) : undefined;
  const headName = household?.household.headName ?? '';
  const rows: [string, string][] = [
    [t('referrals.form.person'), person ? person.fullName : t('referrals.form.wholeHousehold')],
    [t('referrals.form.service'), t(`referrals.service.${referral.service}`)],
    [t('referrals.form.organisation'), organisationName(referral.organisationId)],
    [t('referrals.form.urgency'), t(`referrals.urgency.${referral.urgency}`)],
    [t('referrals.form.referredOn'), date(referral.referredOn)],
    [t('referrals.form.dueDate'), date(referral.dueDate)],
    [t('referrals.form.reason'), referral.reason || t('common.notRecorded')],
  ];
  if (referral.status === 'closedUnresolved') rows.push([t('referrals.closedReason'), referral.closedReason]);

  return (
    <article aria-labelledby="referral-title">
      <header className="page-header">
        <div>
          <Link to="/referrals">← {t('referrals.title')}</Link>
          <h1 id="referral-title">
            {t('referrals.detailTitle', { service: t(`referrals.service.${referral.service}`) })}
          </h1>
          <p className="referral-household">
            {t('referrals.form.household')}:{' '}
            <Link to={`/households/${referral.householdId}`}>
              {headName || t('referrals.unknownHousehold')}
            </Link>
          </p>
        </div>
        <div className="actions">
          <ReportButton report={{ kind: 'referralLetter', referralId: referral.id }} />
        </div>
      </header>
      <section aria-labelledby="referral-status-title" className="referral-status">
        <h2 id="referral-status-title">{t('referrals.statusSection')}</h2>
        <p>
          <ReferralStatusBadge status={referral.status} />
          {isReferralOverdue(referral, localToday()) && <OverdueBadge />}
        </p>
        <ReferralStatusActions referral={referral} />
      </section>
      <section aria-label={t('referrals.details')}>
        <DetailList rows={rows} />
      </section>
      <ReferralStatusHistory history={referral.statusHistory} />
      <FollowUpsSection subjectType="referral" subjectId={referral.id} />
      <AuditHistory
        recordId={referral.id}
        fieldLabel={(field) => t(`referrals.fields.${field}`, { defaultValue: field })}
      />
    </article>
  );
}
