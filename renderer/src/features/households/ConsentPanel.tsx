import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentScopes } from '../../../../shared/households/consentSchema';
import type { Household } from '../../db/repositories/householdRepository';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';
import { DetailList } from '../../components/DetailList';
import { localDate } from '../../../../shared/validation/fields';

/** The household's consent, and a plain warning whenever it restricts referral or sharing. */
export function ConsentPanel({ household }: { household: Household }) {
  const { t } = useTranslation();
  const [withdrawing, setWithdrawing] = useState(false);
  const consent = household.consent;
  const date = (value: string) => t('format.date', { value: localDate(value) });
  const missingScopes = consentScopes.filter((s) => !consent.scopes.includes(s));
  const restriction =
    consent.status === 'withdrawn'
      ? t('households.consentPanel.restrictedWithdrawn', {
          date: consent.withdrawnOn ? date(consent.withdrawnOn) : '',
        })
      : consent.status === 'notObtained'
        ? t('households.consentPanel.restrictedNotObtained')
        : missingScopes.length > 0
          ? t('households.consentPanel.restrictedScope', {
              scopes: missingScopes.map((s) => t(`households.consentScope.${s}`)).join(', '),
            })
          : '';
  const rows: [string, string][] = [
    [t('households.consentPanel.status'), t(`households.consentStatus.${consent.status}`)],
    [t('households.consentPanel.date'), date(consent.date)],
    [t('households.consentPanel.recordedBy'), consent.recordedBy],
  ];
  if (consent.status !== 'notObtained') {
    const scopes = consent.scopes.map((s) => t(`households.consentScope.${s}`)).join(', ');
    rows.push([t('households.consentPanel.scopes'), scopes || t('households.consentPanel.noScopes')]);
  }
  if (consent.notObtainedReason) {
    rows.push([
      t('households.consentPanel.reason'),
      t(`households.notObtainedReason.${consent.notObtainedReason}`),
    ]);
  }
  if (consent.withdrawnOn) rows.push([t('households.consentPanel.withdrawnOn'), date(consent.withdrawnOn)]);
  if (consent.notes) rows.push([t('households.consentPanel.notes'), consent.notes]);

  return (
    <section aria-labelledby="consent-title" className="consent-panel">
      <div className="section-header">
        <h2 id="consent-title">{t('households.sections.consent')}</h2>
        {consent.status === 'given' && !household.deletedAt && (
          <button type="button" onClick={() => setWithdrawing(true)}>
            {t('households.consentPanel.withdraw')}
          </button>
        )}
      </div>
      {restriction && (
        <p className={`consent-restriction ${consent.status === 'given' ? 'partial' : ''}`} role="note">
          {restriction}
        </p>
      )}
      <DetailList rows={rows} />
      <WithdrawConsentDialog
        open={withdrawing}
        householdId={household.id}
        onClose={() => setWithdrawing(false)}
      />
    </section>
  );
}
