import type { z } from 'zod';
import type { householdRegistrationSchema } from '../../../../shared/households/householdSchema';
import {
  documentStatuses,
  civilRegistrationStatuses,
  type SpecificNeed,
} from '../../../../shared/households/personSchema';
import { municipalityCodes } from '../../../../shared/reference/municipalities';
import { partnerSeeds } from '../../../../shared/referrals/partnerSeeds';
import {
  referralServices,
  type ReferralFormValues,
  type ReferralStatus,
} from '../../../../shared/referrals/referralSchema';
import { questionnaires } from '../../../../shared/questionnaires/registry';
import type { ShelterFormValues } from '../../../../shared/shelters/shelterSchema';
import type { householdVisitSchema } from '../../../../shared/visits/householdVisitSchema';
import {
  conditionRatings,
  needCategories,
  shelterConditions,
  type ShelterVisitFormValues,
} from '../../../../shared/visits/shelterVisitSchema';
import { answersFor } from './answers';
import { albanianNames, namePoolFor, serbianNames, writeName, type NameScript } from './names';
import { addDays, daysBetween, seededRandom, type Random } from './seededRandom';

/**
 * The synthetic data set of `npm run bench`: what monitors would have recorded over several
 * years, made by a seeded generator so every run measures the same records. Scale S is one
 * field office's data; L, ten times that, is HQ after several years.
 *
 * Records are form inputs (what the app's forms submit), written by the bench through the
 * repositories; they refer to each other by index, because the repositories assign the ids.
 * Every record is dated, and `timeline` orders the writes as they would have happened, so a
 * visit follows its household's registration and a referral's status moves follow it.
 */
export type Scale = 'XS' | 'S' | 'L';

export interface DatasetCounts {
  shelters: number;
  households: number;
  persons: number;
  shelterVisits: number;
  householdVisits: number;
  referrals: number;
}

export const scaleCounts: Record<Scale, DatasetCounts> = {
  /** A tenth of S: a quick check that every scenario runs, not a figure to report. */
  XS: {
    shelters: 5,
    households: 500,
    persons: 2_000,
    shelterVisits: 200,
    householdVisits: 800,
    referrals: 300,
  },
  S: {
    shelters: 50,
    households: 5_000,
    persons: 20_000,
    shelterVisits: 2_000,
    householdVisits: 8_000,
    referrals: 3_000,
  },
  L: {
    shelters: 500,
    households: 50_000,
    persons: 200_000,
    shelterVisits: 20_000,
    householdVisits: 80_000,
    referrals: 30_000,
  },
};

export type HouseholdRegistrationValues = z.input<typeof householdRegistrationSchema>;
type HouseholdVisitValues = z.input<typeof householdVisitSchema>;

export interface DatasetShelter {
  createdOn: string;
  input: ShelterFormValues;
}
export interface DatasetHousehold {
  registeredOn: string;
  /** The shelter the household lives in (index into `shelters`), when in a collective shelter. */
  shelterIndex: number | null;
  /** How its members' names are written. */
  script: NameScript;
  /** Archived (soft-deleted) at the end of the period. */
  archived: boolean;
  registration: HouseholdRegistrationValues & { household: { shelterId: string } };
}
export interface DatasetShelterVisit {
  shelterIndex: number;
  input: Omit<ShelterVisitFormValues, 'shelterId'>;
}
export interface DatasetHouseholdVisit {
  householdIndex: number;
  input: Omit<HouseholdVisitValues, 'householdId'>;
}
export interface ReferralMove {
  status: ReferralStatus;
  on: string;
  closedReason: string;
}
export interface DatasetReferral {
  householdIndex: number;
  /** The household visit the need was found on (index into `householdVisits`). */
  visitIndex: number;
  input: Omit<ReferralFormValues, 'householdId' | 'visitId'>;
  /** Status changes after creation (open → accepted → completed, or closed unresolved). */
  moves: ReferralMove[];
}

export interface Dataset {
  scale: Scale;
  seed: number;
  from: string;
  until: string;
  shelters: DatasetShelter[];
  households: DatasetHousehold[];
  shelterVisits: DatasetShelterVisit[];
  householdVisits: DatasetHouseholdVisit[];
  referrals: DatasetReferral[];
}

export interface DatasetOptions {
  scale?: Scale;
  seed?: number;
  /** The last day of the period (YYYY-MM-DD); no record is dated later. */
  until: string;
  /** Years the period spans. */
  years?: number;
  /** Other counts than the scale's (tests). */
  counts?: DatasetCounts;
}

const settlements = [
  'Osojane',
  'Bablak',
  'Žač',
  'Bica',
  'Videje',
  'Klinë e Epërme',
  'Banjë',
  'Gojbulja',
  'Suvi Do',
  'Llapnasellë',
  'Bresje',
  'Plemetina',
  'Preoce',
  'Gornje Kusce',
  'Vrbovac',
  'Dobrotin',
];
const shelterKinds = ['Qendra kolektive', 'Kolektivni centar', 'Колективни центар', 'Strehimore'];
const notes = [
  'Nevojë urgjente për dru zjarri.',
  'Potrebna pomoć u pribavljanju ličnih dokumenata.',
  'Потребна правна помоћ око имовине.',
  'Fëmijët nuk kanë certifikata lindjeje.',
  '',
];
const closedReasons = ['Familja u zhvendos.', 'Usluga nije dostupna u opštini.', 'Породица се одселила.'];

const weightedCommunities = [
  ['serb', 35],
  ['roma', 12],
  ['ashkali', 10],
  ['egyptian', 6],
  ['albanian', 15],
  ['bosniak', 6],
  ['gorani', 5],
  ['turkish', 3],
  ['montenegrin', 3],
  ['croat', 1],
  ['other', 4],
] as const;

function monitorsPool(random: Random, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const pool = i % 2 === 0 ? albanianNames : serbianNames;
    const first = random.pick(random.chance(0.5) ? pool.female : pool.male);
    return `${first} ${random.pick(pool.surnames)}`;
  });
}

/** Member counts of at least one, summing to exactly `persons`, about four a household. */
function householdSizes(random: Random, households: number, persons: number): number[] {
  if (persons < households) throw new RangeError('Every household needs at least one member');
  const sizes = new Array<number>(households).fill(1);
  for (let extra = persons - households; extra > 0; ) {
    const i = random.int(0, households - 1);
    if (sizes[i]! >= 14) continue;
    sizes[i]! += 1;
    extra--;
  }
  return sizes;
}

const phone = (random: Random) => `+383 4${random.int(3, 9)} ${random.int(100, 999)} ${random.int(100, 999)}`;

export function generateDataset(options: DatasetOptions): Dataset {
  const scale = options.scale ?? 'S';
  const seed = options.seed ?? 2026;
  const counts = options.counts ?? scaleCounts[scale];
  const random = seededRandom(seed);
  const until = options.until;
  const from = addDays(until, -Math.round((options.years ?? 5) * 365));
  const span = daysBetween(from, until);
  const dateBetween = (a: string, b: string) => addDays(a, random.int(0, Math.max(0, daysBetween(a, b))));
  const busy = municipalityCodes.slice(0, 14);
  const municipality = () => (random.chance(0.8) ? random.pick(busy) : random.pick(municipalityCodes));
  const monitors = monitorsPool(random, Math.max(6, Math.round(counts.households / 600)));
  const visitMonitors = () => {
    const first = random.pick(monitors);
    return random.chance(0.4) ? `${first}, ${random.pick(monitors)}` : first;
  };

  const shelters: DatasetShelter[] = Array.from({ length: counts.shelters }, (_, i) => {
    const capacity = random.int(20, 240);
    return {
      createdOn: addDays(from, random.int(0, 25)),
      input: {
        name: `${random.pick(shelterKinds)} ${random.pick(settlements)} ${i + 1}`,
        municipality: municipality(),
        settlement: random.pick(settlements),
        address: `Rr. ${random.pick(albanianNames.surnames)} ${random.int(1, 120)}`,
        managingAuthority: random.weighted([
          ['municipality', 6],
          ['ministry', 2],
          ['ngo', 2],
          ['private', 1],
          ['other', 1],
        ]),
        capacity,
        residents: random.int(Math.round(capacity * 0.3), Math.round(capacity * 1.2)),
        status: random.weighted([
          ['open', 7],
          ['closurePlanned', 1.5],
          ['closed', 1.5],
        ]),
        contactPerson: `${random.pick(serbianNames.male)} ${random.pick(serbianNames.surnames)}`,
        contactPhone: phone(random),
        notes: random.pick(notes),
      },
    };
  });

  const sizes = householdSizes(random, counts.households, counts.persons);
  const households: DatasetHousehold[] = sizes.map((size) => {
    const registeredOn = addDays(from, random.int(30, span - 20));
    const community = random.weighted(weightedCommunities);
    const pool = namePoolFor(community, random);
    const script: NameScript =
      pool === serbianNames && community !== 'croat' && random.chance(community === 'roma' ? 0.3 : 0.5)
        ? 'cyrillic'
        : 'latin';
    const surname = random.pick(pool.surnames);
    const returned = random.chance(0.55);
    const displacementDate = random.chance(0.8) ? addDays('1999-06-01', random.int(0, 2000)) : '';
    const inShelter = !returned && counts.shelters > 0 && random.chance(0.3);
    const consentStatus = random.weighted([
      ['given', 92],
      ['notObtained', 6],
      ['withdrawn', 2],
    ] as const);
    const headAge = random.int(22, 85);
    const members = Array.from({ length: size }, (_, m) => {
      const relationship =
        m === 0
          ? 'head'
          : m === 1 && random.chance(0.75)
            ? 'spouse'
            : random.weighted([
                ['child', 70],
                ['parent', 8],
                ['grandchild', 10],
                ['sibling', 6],
                ['otherRelative', 4],
                ['nonRelative', 2],
              ] as const);
      const sex = random.chance(0.5) ? 'female' : 'male';
      const age =
        relationship === 'head' || relationship === 'spouse' || relationship === 'sibling'
          ? Math.max(18, headAge + random.int(-6, 6))
          : relationship === 'parent'
            ? Math.min(105, headAge + random.int(20, 30))
            : relationship === 'grandchild'
              ? random.int(0, Math.max(0, headAge - 40))
              : random.int(0, Math.max(0, headAge - 18));
      const first = random.pick(sex === 'female' ? pool.female : pool.male);
      const needs: SpecificNeed[] = [];
      if (age >= 60 && random.chance(0.3)) needs.push('olderPersonAtRisk');
      if (random.chance(0.05)) needs.push('disability');
      if (random.chance(0.04)) needs.push('seriousMedicalCondition');
      if (age < 18 && random.chance(0.03)) needs.push('childAtRisk');
      const knowsBirthDate = random.chance(0.85);
      return {
        fullName: writeName(`${first} ${random.chance(0.9) ? surname : random.pick(pool.surnames)}`, script),
        sex,
        dateOfBirth: knowsBirthDate ? addDays(until, -(age * 365 + random.int(0, 364))) : '',
        estimatedAge: knowsBirthDate ? null : age,
        relationship,
        community,
        birthCertificate: random.weighted([
          [documentStatuses[0], 80],
          [documentStatuses[1], 10],
          [documentStatuses[2], 5],
          [documentStatuses[3], 5],
        ]),
        idCard:
          age < 16
            ? 'notHeld'
            : random.weighted([
                [documentStatuses[0], 75],
                [documentStatuses[1], 12],
                [documentStatuses[2], 8],
                [documentStatuses[3], 5],
              ]),
        civilRegistration: random.weighted([
          [civilRegistrationStatuses[0], 85],
          [civilRegistrationStatuses[1], 8],
          [civilRegistrationStatuses[2], 7],
        ]),
        statelessnessRisk: random.chance(0.03),
        specificNeeds: needs,
      } as const;
    });
    const consentScopes = [
      'dataCollection' as const,
      ...(random.chance(0.9) ? (['referral'] as const) : []),
      ...(random.chance(0.6) ? (['sharingWithPartners'] as const) : []),
    ];
    const shelterIndex = inShelter ? random.int(0, counts.shelters - 1) : null;
    return {
      registeredOn,
      shelterIndex,
      script,
      archived: false,
      registration: {
        household: {
          status: returned ? 'returned' : 'displaced',
          community,
          accommodation: returned
            ? random.chance(0.8)
              ? 'ownHome'
              : 'privateAccommodation'
            : inShelter
              ? 'collectiveShelter'
              : random.chance(0.8)
                ? 'privateAccommodation'
                : 'other',
          // Filled in by the writer from shelterIndex, once the shelter has its id.
          shelterId: '',
          placeOfDisplacement: random.weighted([
            ['within-kosovo', 45],
            ['serbia', 35],
            ['montenegro', 10],
            ['north-macedonia', 7],
            ['other', 3],
          ]),
          displacementLocation: random.chance(0.5) ? random.pick(settlements) : '',
          displacementDate,
          returnDate: returned ? dateBetween(displacementDate || '2000-01-01', registeredOn) : '',
          returnMunicipality: returned ? municipality() : '',
          returnSettlement: returned ? random.pick(settlements) : '',
          currentMunicipality: municipality(),
          address: random.chance(0.7) ? `${random.pick(settlements)}, ${random.int(1, 200)}` : '',
          phone: random.chance(0.6) ? phone(random) : '',
          notes: random.chance(0.3) ? random.pick(notes) : '',
          consent: {
            status: consentStatus,
            date: registeredOn,
            recordedBy: random.pick(monitors),
            scopes: consentStatus === 'notObtained' ? [] : consentScopes,
            notObtainedReason:
              consentStatus === 'notObtained' ? random.pick(['refused', 'emergency', 'other'] as const) : '',
            notes: '',
            withdrawnOn: consentStatus === 'withdrawn' ? registeredOn : '',
          },
        },
        members,
      },
    };
  });
  // A few households are archived at the end of the period (moved away, registered twice).
  for (const h of households) h.archived = random.chance(0.01);

  const shelterVisits: DatasetShelterVisit[] = Array.from({ length: counts.shelterVisits }, () => {
    const shelterIndex = random.int(0, counts.shelters - 1);
    return {
      shelterIndex,
      input: {
        visitDate: dateBetween(shelters[shelterIndex]!.createdOn, until),
        monitors: visitMonitors(),
        residentsMet: {
          childrenFemale: random.int(0, 12),
          childrenMale: random.int(0, 12),
          adultsFemale: random.int(0, 20),
          adultsMale: random.int(0, 20),
          olderFemale: random.int(0, 8),
          olderMale: random.int(0, 8),
        },
        conditions: Object.fromEntries(
          shelterConditions.map((c) => [
            c,
            {
              rating: random.weighted(conditionRatings.map((r, i) => [r, [5, 3, 1, 1][i]!] as const)),
              note: random.chance(0.2) ? random.pick(notes) : '',
            },
          ]),
        ) as ShelterVisitFormValues['conditions'],
        observations: random.chance(0.6) ? random.pick(notes) : '',
        needsIdentified: random.some(needCategories, 0.15),
        followUpActions: random.chance(0.4) ? random.pick(notes) : '',
      },
    };
  });

  // Visits and referrals only where consent allows them. Monitors visit at a steady pace over the
  // period: a visit's day is drawn first, then a household registered by that day.
  const visitable = households
    .flatMap((h, i) => (h.registration.household.consent.status === 'withdrawn' ? [] : [i]))
    .sort((a, b) => households[a]!.registeredOn.localeCompare(households[b]!.registeredOn));
  const firstVisitDay = households[visitable[0]!]!.registeredOn;
  /** How many of `visitable` were registered on or before a day (binary search). */
  const registeredBy = (day: string) => {
    let low = 0;
    let high = visitable.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (households[visitable[mid]!]!.registeredOn <= day) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const returnee = {
    v1: questionnaires.questionnaireVersion('returnee-monitoring', 1)!,
    v2: questionnaires.latestQuestionnaire('returnee-monitoring')!,
  };
  const shelterResident = questionnaires.latestQuestionnaire('shelter-resident-monitoring')!;
  const questionnaireSwitch = addDays(from, Math.round(span * 0.4));
  const householdVisits: DatasetHouseholdVisit[] = Array.from({ length: counts.householdVisits }, () => {
    const visitDate = dateBetween(firstVisitDay, until);
    const householdIndex = visitable[random.int(0, registeredBy(visitDate) - 1)]!;
    const household = households[householdIndex]!;
    const questionnaire =
      household.registration.household.accommodation === 'collectiveShelter'
        ? shelterResident
        : visitDate < questionnaireSwitch
          ? returnee.v1
          : returnee.v2;
    return {
      householdIndex,
      input: {
        visitDate,
        monitors: visitMonitors(),
        questionnaireId: questionnaire.id,
        questionnaireVersion: questionnaire.version,
        answers: answersFor(questionnaire, visitDate, random),
        observations: random.chance(0.6) ? random.pick(notes) : '',
        needsIdentified: random.some(needCategories, 0.15),
        followUpActions: random.chance(0.4) ? random.pick(notes) : '',
      },
    };
  });

  const referable = householdVisits.flatMap((v, i) => {
    const consent = households[v.householdIndex]!.registration.household.consent;
    return consent.status === 'given' && consent.scopes?.includes('referral') ? [i] : [];
  });
  const referrals: DatasetReferral[] = Array.from({ length: counts.referrals }, () => {
    const visitIndex = random.pick(referable);
    const visit = householdVisits[visitIndex]!;
    const service = random.pick(referralServices);
    const partners = partnerSeeds.filter((p) => p.services.includes(service));
    const referredOn = visit.input.visitDate;
    const age = daysBetween(referredOn, until);
    const final: ReferralStatus =
      age > 120
        ? random.weighted([
            ['completed', 60],
            ['closedUnresolved', 20],
            ['accepted', 10],
            ['open', 10],
          ] as const)
        : age > 30
          ? random.weighted([
              ['accepted', 40],
              ['completed', 25],
              ['open', 25],
              ['closedUnresolved', 10],
            ] as const)
          : random.weighted([
              ['open', 70],
              ['accepted', 30],
            ] as const);
    const moves: ReferralMove[] = [];
    let on = referredOn;
    const later = (maxDays: number) =>
      (on = addDays(on, random.int(0, Math.min(maxDays, daysBetween(on, until)))));
    if (final === 'accepted' || final === 'completed' || (final === 'closedUnresolved' && random.chance(0.5)))
      moves.push({ status: 'accepted', on: later(20), closedReason: '' });
    if (final === 'completed') moves.push({ status: 'completed', on: later(90), closedReason: '' });
    if (final === 'closedUnresolved')
      moves.push({ status: 'closedUnresolved', on: later(120), closedReason: random.pick(closedReasons) });
    return {
      householdIndex: visit.householdIndex,
      visitIndex,
      input: {
        personId: '',
        service,
        organisationId: random.pick(partners.length > 0 ? partners : partnerSeeds).id,
        urgency: random.weighted([
          ['low', 3],
          ['medium', 5],
          ['high', 2],
          ['emergency', 0.5],
        ]),
        referredOn,
        dueDate: addDays(referredOn, random.int(14, 60)),
        reason: random.pick(notes),
      },
      moves,
    };
  });

  return { scale, seed, from, until, shelters, households, shelterVisits, householdVisits, referrals };
}

/** How many records a data set holds, by kind (persons counted from the registrations). */
export function datasetCounts(dataset: Dataset): DatasetCounts {
  return {
    shelters: dataset.shelters.length,
    households: dataset.households.length,
    persons: dataset.households.reduce((sum, h) => sum + h.registration.members.length, 0),
    shelterVisits: dataset.shelterVisits.length,
    householdVisits: dataset.householdVisits.length,
    referrals: dataset.referrals.length,
  };
}

export type TimelineEvent =
  | {
      date: string;
      kind: 'shelter' | 'household' | 'shelterVisit' | 'householdVisit' | 'referral' | 'archive';
      index: number;
    }
  | { date: string; kind: 'referralMove'; index: number; move: number };

const kindOrder = {
  shelter: 0,
  household: 1,
  shelterVisit: 2,
  householdVisit: 3,
  referral: 4,
  referralMove: 5,
  archive: 6,
};

/**
 * Every write of the data set in the order it would have happened: by date, and on one day a
 * household before its visits, a visit before its referral, a referral before its moves;
 * archiving last.
 */
export function timeline(dataset: Dataset): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...dataset.shelters.map((s, index) => ({ date: s.createdOn, kind: 'shelter' as const, index })),
    ...dataset.households.map((h, index) => ({ date: h.registeredOn, kind: 'household' as const, index })),
    ...dataset.shelterVisits.map((v, index) => ({
      date: v.input.visitDate as string,
      kind: 'shelterVisit' as const,
      index,
    })),
    ...dataset.householdVisits.map((v, index) => ({
      date: v.input.visitDate,
      kind: 'householdVisit' as const,
      index,
    })),
    ...dataset.referrals.flatMap((r, index) => [
      { date: r.input.referredOn, kind: 'referral' as const, index },
      ...r.moves.map((m, move) => ({ date: m.on, kind: 'referralMove' as const, index, move })),
    ]),
    ...dataset.households.flatMap((h, index) =>
      h.archived ? [{ date: dataset.until, kind: 'archive' as const, index }] : [],
    ),
  ];
  const rank = (e: TimelineEvent) => (e.kind === 'archive' ? '9999-99-99' : e.date);
  return events.sort(
    (a, b) =>
      rank(a).localeCompare(rank(b)) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.index - b.index ||
      (a.kind === 'referralMove' && b.kind === 'referralMove' ? a.move - b.move : 0),
  );
}
