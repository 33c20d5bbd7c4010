import type { Member } from '../../db/repositories/householdRepository';

/** Whole years from a date of birth (YYYY-MM-DD) to today. */
export function ageFromBirthDate(dateOfBirth: string, today: Date = new Date()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const hadBirthday = today.getMonth() + 1 > m || (today.getMonth() + 1 === m && today.getDate() >= d);
  return today.getFullYear() - y - (hadBirthday ? 0 : 1);
}

export const isHead = (m: Member) => m.relationship === 'head';
