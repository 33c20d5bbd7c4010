import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralTransitions, type ReferralStatus } from '../../../../shared/referrals/referralSchema';
import { localToday } from '../../../../shared/validation/fields';
import { useStore } from '../../app/AppServices';
import { useNotice } from '../../app/Notices';
import { RecordValidationError } from '../../db/recordStore';
import type { Referral } from '../../db/repositories/referralRepository';
import { CloseReferralDialog } from './CloseReferralDialog';
import { saveErrorMessage } from './saveErrorMessage';

/** The next steps the status flow allows from here, as buttons. */
export function ReferralStatusActions({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const store = useStore();
  const notice = useNotice();
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState('');
  const next = referralTransitions[referral.status];
  if (next.length === 0) return null;

  const move = async (status: ReferralStatus, closedReason = '') => {
    await store.referrals.moveStatus(referral.id, { status, on: localToday(), closedReason });
    notice(t('referrals.statusChanged', { status: t(`referrals.status.${status}`) }));
  };
  const moveTo = async (status: ReferralStatus) => {
    setError('');
    try {
      await move(status);
    } catch (e) {
      setError(saveErrorMessage(t, e));
    }
  };
  const close = async (reason: string): Promise<string> => {
    try {
      await move('closedUnresolved', reason);
      setClosing(false);
      return '';
    } catch (e) {
      if (e instanceof RecordValidationError) return e.issues[0]?.message ?? 'validation.invalid';
      setClosing(false);
      setError(saveErrorMessage(t, e));
      return '';
    }
  };

  return (
    <div className="status-actions">
      <div className="actions">
        {next.map((status) =>
          status === 'closedUnresolved' ? (
            <button key={status} type="button" onClick={() => setClosing(true)}>
              {t('referrals.actions.closeUnresolved')}
            </button>
          ) : (
            <button key={status} type="button" className="primary" onClick={() => void moveTo(status)}>
              {status === 'accepted'
                ? t('referrals.actions.markAccepted')
                : t('referrals.actions.markCompleted')}
            </button>
          ),
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <CloseReferralDialog open={closing} onConfirm={close} onCancel={() => setClosing(false)} />
    </div>
  );
}
