import { z } from 'zod';
import { isoDate, localToday, optionalText, requiredText } from '../validation/fields';

/**
 * Informed consent, recorded before any personal data of a household is kept: given (with
 * its scope), not obtainable (with the reason), and later perhaps withdrawn, which stops
 * referral and sharing from then on.
 */
export const consentScopes = ['dataCollection', 'referral', 'sharingWithPartners'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const consentStatuses = ['given', 'notObtained', 'withdrawn'] as const;

export const notObtainedReasons = [
  'minorWithoutGuardian',
  'lackOfCapacity',
  'emergency',
  'refused',
  'other',
] as const;

export const consentSchema = z
  .object({
    status: z.enum(consentStatuses, { message: 'validation.consentRequired' }),
    date: isoDate.refine((d) => d <= localToday(), { message: 'validation.dateInFuture' }),
    recordedBy: requiredText(120),
    scopes: z.array(z.enum(consentScopes)).default([]),
    notObtainedReason: z.union([z.literal(''), z.enum(notObtainedReasons)]).default(''),
    notes: optionalText(1000),
    withdrawnOn: z.union([z.literal(''), isoDate]).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.status === 'given' && !c.scopes.includes('dataCollection')) {
      ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'validation.consentDataCollection' });
    }
    if (c.status === 'notObtained' && !c.notObtainedReason) {
      ctx.addIssue({ code: 'custom', path: ['notObtainedReason'], message: 'validation.consentReason' });
    }
    if (c.status === 'withdrawn' && !c.withdrawnOn) {
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'validation.required' });
    }
    if (c.withdrawnOn && c.withdrawnOn < c.date) {
      ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'validation.withdrawalBeforeConsent' });
    }
  });
export type Consent = z.output<typeof consentSchema>;

/** Whether a use of the data is allowed by the household's current consent. */
export function consentAllows(consent: Consent | undefined, scope: ConsentScope): boolean {
  return consent?.status === 'given' && consent.scopes.includes(scope);
}
