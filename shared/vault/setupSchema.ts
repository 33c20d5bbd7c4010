import { z } from 'zod';
import { requiredText } from '../validation/fields';
import { assessPassphrase } from './passphraseStrength';

/**
 * The setup and passphrase forms' one validation source. A passphrase must meet the minimum of
 * `assessPassphrase`, judged against what the form already knows about the person (their
 * names are the first guesses of anyone who knows them).
 */
const passphrasePair = z.object({ passphrase: z.string().max(1024), confirm: z.string() });

function checkPair(
  value: z.infer<typeof passphrasePair>,
  ctx: z.RefinementCtx,
  userInputs: readonly string[],
  field: 'passphrase' = 'passphrase',
) {
  if (!assessPassphrase(value.passphrase, userInputs).meetsMinimum) {
    ctx.addIssue({ code: 'custom', path: [field], message: 'validation.passphraseTooWeak' });
  }
  if (value.confirm !== value.passphrase) {
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passphraseMismatch' });
  }
}

export const vaultSetupSchema = passphrasePair
  .extend({
    organisation: requiredText(120),
    monitorName: requiredText(120),
    deviceName: requiredText(80),
    /** A field device sends its records to HQ; Headquarters merges every device's records. */
    role: z.enum(['field', 'hq'], { message: 'validation.choose' }),
  })
  .superRefine((value, ctx) => checkPair(value, ctx, setupUserInputs(value)));
export type VaultSetupValues = z.infer<typeof vaultSetupSchema>;

export const setupUserInputs = (v: { organisation: string; monitorName: string; deviceName: string }) => [
  v.organisation,
  v.monitorName,
  v.deviceName,
];

/** A new passphrase with the recovery key (forgotten passphrase). */
export const recoverySchema = passphrasePair
  .extend({ recoveryKey: z.string().trim().min(1, { message: 'validation.required' }).max(200) })
  .superRefine((value, ctx) => checkPair(value, ctx, []));
export type RecoveryValues = z.infer<typeof recoverySchema>;

/** A new passphrase with the current one (Settings). */
export const changePassphraseSchema = passphrasePair
  .extend({ current: z.string().min(1, { message: 'validation.required' }) })
  .superRefine((value, ctx) => checkPair(value, ctx, []));
export type ChangePassphraseValues = z.infer<typeof changePassphraseSchema>;
