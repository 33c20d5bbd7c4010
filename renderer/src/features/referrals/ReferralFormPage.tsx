import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { consentAllows } from '../../../../shared/households/consentSchema';
import type { ReferralInput } from '../../../../shared/referrals/referralSchema';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { HouseholdPicker } from './HouseholdPicker';
import { ReferralForm } from './ReferralForm';
import { saveErrorMessage } from './saveErrorMessage';
import { useHouseholdWithMembers } from './useReferrals';

/** /referrals/new?householdId=…&visitId=…: refer a household or one of its members to a service. */
export function ReferralFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const householdId = params.get('householdId');
  const visitId = params.get('visitId') ?? '';
  const navigate = useNavigate();
  const store = useStore();
  const notice = useNotice();
  const { data, isLoading } = useHouseholdWithMembers(householdId);
  const [saveError, setSaveError] = useState('');

  const title = (
    <header className="page-header">
      <div>
        <Link to="/referrals">← {t('referrals.title')}</Link>
        <h1 id="referral-form-title">{t('referrals.createTitle')}</h1>
      </div>
    </header>
  );
  if (!householdId) {
    return (
      <section aria-labelledby="referral-form-title">
        {title}
        <HouseholdPicker />
      </section>
    );
  }
  if (isLoading) return null;
  if (!data) {
    return (
      <section aria-labelledby="referral-form-title">
        {title}
        <p role="alert">{t('referrals.householdNotFound')}</p>
      </section>
    );
  }

  const { household, members } = data;
  const householdPage = `/households/${household.id}`;
  const onSubmit = async (values: ReferralInput) => {
    try {
      const saved = await store.referrals.create(values);
      notice(t('referrals.saved'));
      navigate(`/referrals/${saved.id}`, { replace: true });
      return true;
    } catch (error) {
      setSaveError(saveErrorMessage(t, error));
      return false;
    }
  };

  return (
    <section aria-labelledby="referral-form-title">
      {title}
      <p className="referral-household">
        {t('referrals.form.household')}: <Link to={householdPage}>{household.headName}</Link>
      </p>
      {consentAllows(household.consent, 'referral') ? (
        <>
          {saveError && (
            <p className="form-error" role="alert">
              {saveError}
            </p>
          )}
          <ReferralForm
            householdId={household.id}
            visitId={visitId}
            members={members}
            onSubmit={onSubmit}
            onCancel={() => navigate(householdPage)}
          />
        </>
      ) : (
        <div className="consent-blocked" role="alert">
          <p>
            {household.consent.status === 'withdrawn'
              ? t('referrals.consentWithdrawn')
              : t('referrals.consentMissing')}
          </p>
          <Link to={householdPage}>{t('referrals.openHousehold')}</Link>
        </div>
      )}
    </section>
  );
}
