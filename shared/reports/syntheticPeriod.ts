import { communities } from '../reference/communities';
import { municipalityCodes } from '../reference/municipalities';
import { referralServices, referralStatuses } from '../referrals/referralSchema';
import { needCategories } from '../visits/shelterVisitSchema';
import type { PeriodSummaryInput } from './reportTypes';

/**
 * A deterministic, realistic-looking period summary input of any size, for the bench and the
 * tests: `rows` visits (a fifth to shelters), half as many households, referrals for a third of
 * the visits. No personal data exists in it to begin with.
 */
export function syntheticPeriodInput({
  rows = 5000,
  seed = 20250101,
  from = '2025-01-01',
  to = '2025-06-30',
  includeVisitLog = true,
}: { rows?: number; seed?: number; from?: string; to?: string; includeVisitLog?: boolean } = {}): PeriodSummaryInput {
  // mulberry32: a tiny seeded generator, so every run measures the same document.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const uuid = (kind: number, i: number) =>
    `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${i.toString(16).padStart(12, '0')}`;
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = Math.max(1, Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000) + 1);
  const dateIn = () => new Date(start + Math.floor(random() * span) * 86_400_000).toISOString().slice(0, 10);
  const needs = () => needCategories.filter(() => random() < 0.18);
  // A few municipalities hold most of the work, as in the field.
  const busy = municipalityCodes.slice(0, 12);
  const municipality = () => (random() < 0.85 ? pick(busy) : pick(municipalityCodes));
  const weightedCommunities = ['serb', 'serb', 'serb', 'roma', 'ashkali', 'egyptian', 'albanian', 'bosniak', 'gorani', 'turkish', 'montenegrin', 'croat', 'other'].filter(
    (c) => communities.some((x) => x.code === c),
  );

  const shelters = Array.from({ length: 22 }, (_, i) => ({
    id: uuid(1, i),
    name: `Qendra kolektive / Колективни центар ${i + 1}`,
    municipality: pick(busy),
  }));
  const householdCount = Math.max(1, Math.round(rows / 2));
  const households = Array.from({ length: householdCount }, (_, i) => ({
    id: uuid(2, i),
    status: random() < 0.6 ? ('returned' as const) : ('displaced' as const),
    community: pick(weightedCommunities),
    municipality: municipality(),
    memberCount: 1 + Math.floor(random() * 7),
  }));
  const shelterVisitCount = Math.round(rows / 5);
  const shelterVisits = Array.from({ length: shelterVisitCount }, (_, i) => ({
    id: uuid(3, i),
    visitDate: dateIn(),
    shelterId: pick(shelters).id,
    needsIdentified: needs(),
    residentsMet: Math.floor(random() * 40),
  }));
  const householdVisits = Array.from({ length: rows - shelterVisitCount }, (_, i) => ({
    id: uuid(4, i),
    visitDate: dateIn(),
    householdId: pick(households).id,
    needsIdentified: needs(),
  }));
  const referrals = Array.from({ length: Math.round(rows / 3) }, (_, i) => ({
    id: uuid(5, i),
    householdId: pick(households).id,
    service: pick(referralServices),
    status: pick(referralStatuses),
    referredOn: dateIn(),
  }));
  const overdueFollowUps = Array.from({ length: Math.round(rows / 25) }, (_, i) => ({
    id: uuid(6, i),
    dueDate: dateIn(),
    subjectType: pick(['referral', 'household', 'shelter'] as const),
    municipality: municipality(),
  }));
  return {
    kind: 'periodSummary',
    period: { from, to, municipalities: [], includeVisitLog },
    shelterVisits,
    householdVisits,
    shelters,
    households,
    referrals,
    overdueFollowUps,
  };
}
