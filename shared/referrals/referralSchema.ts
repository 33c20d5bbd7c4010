import { z } from 'zod';
import { recordMetaSchema } from '../records/recordMeta';
import { isoDate, optionalRecordId, optionalText, recordId } from '../validation/fields';

export const referralServices = [
  'freeLegalAid',
  'civilDocumentation',
  'health',
  'psychosocialRehabilitation',
  'familyTracing',
  'socialAssistance',
  'housingProperty',
  'education',
  'other',
] as const;
export type ReferralService = (typeof referralServices)[number];

export const referralUrgencies = ['low', 'medium', 'high', 'emergency'] as const;
export const referralStatuses = ['open', 'accepted', 'completed', 'closedUnresolved'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** The status flow: open → accepted → completed, or closed unresolved from open or accepted. */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  open: ['accepted', 'closedUnresolved'],
  accepted: ['completed', 'closedUnresolved'],
  completed: [],
  closedUnresolved: [],
};

export const canMoveReferral = (from: ReferralStatus, to: ReferralStatus) =>
  referralTransitions[from].includes(to);

export const referralSchema = z.object({
  householdId: recordId,
  /** Empty when the whole household is referred. */
  personId: optionalRecordId,
  /** The visit the need was found on, if any. */
  visitId: optionalRecordId,
  service: z.enum(referralServices, { message: 'validation.choose' }),
  organisationId: recordId,
  urgency: z.enum(referralUrgencies, { message: 'validation.choose' }),
  referredOn: isoDate,
  dueDate: isoDate,
  reason: optionalText(2000),
});
export type ReferralInput = z.output<typeof referralSchema>;
export type ReferralFormValues = z.input<typeof referralSchema>;

export const referralStatusChangeSchema = z
  .object({
    status: z.enum(referralStatuses),
    on: isoDate,
    closedReason: optionalText(1000),
  })
  .refine((c) => c.status !== 'closedUnresolved' || c.closedReason.length > 0, {
    path: ['closedReason'],
    message: 'validation.closedReasonRequired',
  });
export type ReferralStatusChange = z.output<typeof referralStatusChangeSchema>;

export const referralRecordSchema = recordMetaSchema.extend({
  ...referralSchema.shape,
  status: z.enum(referralStatuses),
  closedReason: z.string(),
  statusHistory: z.array(z.object({ status: z.enum(referralStatuses), on: isoDate })),
});
export type ReferralRecord = z.infer<typeof referralRecordSchema>;

export const followUpSchema = z.object({
  /** What the task is about: a referral, a household or a shelter. */
  subjectType: z.enum(['referral', 'household', 'shelter']),
  subjectId: recordId,
  title: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(300, { message: 'validation.tooLong' }),
  dueDate: isoDate,
  done: z.boolean().default(false),
  notes: optionalText(2000),
});
export type FollowUpInput = z.output<typeof followUpSchema>;
export const followUpRecordSchema = recordMetaSchema.extend({
  ...followUpSchema.shape,
  completedOn: z.string(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

export const organisationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(200, { message: 'validation.tooLong' }),
  services: z.array(z.enum(referralServices)).min(1, { message: 'validation.chooseAtLeastOne' }),
  contact: optionalText(300),
  active: z.boolean().default(true),
});
export type OrganisationInput = z.output<typeof organisationSchema>;
export const organisationRecordSchema = recordMetaSchema.extend(organisationSchema.shape);
export type OrganisationRecord = z.infer<typeof organisationRecordSchema>;
