import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { assessPassphrase } from '../../../../shared/vault/passphraseStrength';
import { FormField } from '../../components/FormField';
import { useFieldError } from '../households/useFieldError';

interface PassphraseFieldsProps {
  /** Names and the organisation typed in the same form: poor material for a passphrase. */
  userInputs?: readonly string[];
  /** "Passphrase" at setup, "New passphrase" when changing or recovering. */
  label: string;
}

/** A new passphrase, its confirmation, and a strength meter with what would make it stronger. */
export function PassphraseFields({ userInputs = [], label }: PassphraseFieldsProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<{ passphrase: string; confirm: string }>();
  const passphrase = useWatch<{ passphrase: string }>({ name: 'passphrase' }) ?? '';
  const assessment = assessPassphrase(passphrase, userInputs);
  const passphraseError = useFieldError('passphrase');
  const confirmError = useFieldError('confirm');
  const req = { required: true, requiredLabel: t('shelterForm.required') };
  return (
    <>
      <FormField label={label} hint={t('vault.passphraseHint')} error={passphraseError} {...req}>
        {(p) => <input {...p} type="password" autoComplete="new-password" {...register('passphrase')} />}
      </FormField>
      <div className="passphrase-meter">
        <meter
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={passphrase ? assessment.score : 0}
          aria-label={t('vault.strength.label')}
          aria-valuetext={t(`vault.strength.${passphrase ? assessment.score : 0}`)}
        />
        <span aria-live="polite">
          {passphrase ? t(`vault.strength.${assessment.score}`) : ''}
          {passphrase && assessment.meetsMinimum ? ` · ${t('vault.strength.enough')}` : ''}
        </span>
        {passphrase && assessment.reasons.length > 0 && (
          <ul className="hint">
            {assessment.reasons.map((reason) => (
              <li key={reason}>{t(`vault.${reason}`)}</li>
            ))}
          </ul>
        )}
      </div>
      <FormField label={t('vault.confirmPassphrase')} error={confirmError} {...req}>
        {(p) => <input {...p} type="password" autoComplete="new-password" {...register('confirm')} />}
      </FormField>
    </>
  );
}
