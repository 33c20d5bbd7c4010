import { z } from 'zod';

/**
 * Field builders shared by every record schema. Messages are i18n keys (`validation.*`).
 */
export const isoDate = z
  .string({ message: 'validation.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { message: 'validation.date' });

/** Today's date in the device's time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const offsetMs = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offsetMs).toISOString().slice(0, 10);
}

/** A stored YYYY-MM-DD as a Date at local midnight, so formatting never shifts it a day. */
export const localDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00`);

/** A date that has already happened (a visit, a birth, a displacement): not after today. */
export const pastDate = isoDate.refine((s) => s <= localToday(), { message: 'validation.dateInFuture' });

export const optionalPastDate = z.union([z.literal(''), pastDate]).default('');

export const optionalDate = z.union([z.literal(''), isoDate]).default('');

export const optionalText = (max: number) =>
  z.string().trim().max(max, { message: 'validation.tooLong' }).default('');

export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });

export const count = z
  .number({ message: 'validation.number' })
  .int({ message: 'validation.wholeNumber' })
  .min(0, { message: 'validation.notNegative' })
  .max(100_000, { message: 'validation.tooLarge' });

export const phone = z
  .string()
  .trim()
  .max(40, { message: 'validation.tooLong' })
  .regex(/^[+0-9 ()-]*$/, { message: 'validation.phone' })
  .default('');

export const recordId = z.string().uuid({ message: 'validation.required' });
export const optionalRecordId = z.union([z.literal(''), z.string().uuid()]).default('');

/** A closed list of codes, with the i18n message for "choose one". */
export const codeOf = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.enum(codes, { message: 'validation.choose' });
