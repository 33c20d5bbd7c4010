import type { HouseholdRecord } from '../../shared/households/householdSchema';
import type { PersonRecord } from '../../shared/households/personSchema';
import type { Questionnaire } from '../../shared/questionnaires/questionnaireSchema';
import type { FollowUpRecord, OrganisationRecord, ReferralRecord } from '../../shared/referrals/referralSchema';
import type {
  HouseholdCaseInput,
  HouseholdVisitReportInput,
  PeriodSummaryInput,
  ReferralLetterInput,
  ShelterProfileInput,
  ShelterVisitReportInput,
} from '../../shared/reports/reportTypes';
import type { ShelterRecord } from '../../shared/shelters/shelterSchema';
import type { HouseholdVisitRecord } from '../../shared/visits/householdVisitSchema';
import type { ShelterVisitRecord } from '../../shared/visits/shelterVisitSchema';

/**
 * Report fixtures: people named in Albanian, Serbian Latin and Serbian Cyrillic, so that every
 * letter the reports must keep (ë ç č ć š ž đ Đ Ђ Ј Љ Њ Ћ Џ) is in each report's text.
 */
export const GENERATED_AT = '2025-06-16T09:30:00.000Z';
export const REQUIRED_LETTERS = ['ë', 'ç', 'č', 'ć', 'š', 'ž', 'đ', 'Đ', 'Ђ', 'Ј', 'Љ', 'Њ', 'Ћ', 'Џ'];

const meta = (id: string, at = '2025-03-01T08:00:00.000Z') => ({
  id,
  createdAt: at,
  updatedAt: at,
  hlc: `${Date.parse(at)}:0000:test-device`,
  fieldHlc: {},
  deviceId: 'test-device',
  deletedAt: null,
});

const id = (n: number) => `11111111-2222-4333-8444-${n.toString().padStart(12, '0')}`;

export const ids = {
  shelter: id(1),
  shelterVisit: id(2),
  household: id(10),
  head: id(11),
  spouse: id(12),
  son: id(13),
  grandfather: id(14),
  householdVisit: id(20),
  referral: id(30),
  referralDone: id(31),
  followUp: id(40),
  followUpDone: id(41),
  shelterFollowUp: id(42),
  organisation: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0001',
  organisation2: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0002',
};

/** Every name, phone, date of birth and note that a redacted report must not contain. */
export const PERSONAL = {
  names: [
    'Ђорђе Јовановић',
    'Љубица Јовановић',
    'Његош Јовановић',
    'Ћирило Џаковић',
    'Qëndresa Çeku',
    'Đorđe Šarčević',
    'Miloš Žižić',
    'Shpëtim Krasniqi',
  ],
  phones: ['+383 44 123 456', '+383 49 765 432'],
  addresses: ['Žitkovac bb, kuća 7'],
  datesOfBirth: ['1968-04-12', '1971-09-30', '2009-02-17', '1941-11-05'],
  notes: [
    'Љиљана Ђурић и Јована из Његошеве траже Џемаила; Ћирило нема личну карту.',
    'Станари собе 4: Љиљана, Његош, Ћирило, Џемаил, Јована.',
    'Његош нема личну карту ни упис у матичну књигу',
    'Thirrni Qëndresën për çështjen e dokumenteve',
    'Popraviti peć u sobi 4',
    'Проверити упис у матичну књигу',
    'Soba 4 – vlaga na zidu',
    'Hapi i parë: Qëndresa do të çojë dokumentet në zyrë.',
    'Soba na spratu vlažna, peć ne radi; Đurđa i Žarko čekaju odgovor.',
    'Porodica čeka rešenje o imovini od KPCVA.',
  ],
};

export const shelter: ShelterRecord = {
  ...meta(ids.shelter),
  name: 'Qendra kolektive Çagllavicë – Колективни центар Ђурђевик',
  municipality: 'gracanice',
  settlement: 'Çagllavicë',
  address: 'Rr. Mbretëresha Teutë 12',
  managingAuthority: 'municipality',
  capacity: 40,
  residents: 31,
  status: 'open',
  contactPerson: 'Qëndresa Çeku',
  contactPhone: '+383 44 123 456',
  notes: 'Hapi i parë: Qëndresa do të çojë dokumentet në zyrë. Станари собе 4: Љиљана, Његош, Ћирило, Џемаил, Јована.',
  searchTokens: [],
};

const conditions = {
  heating: { rating: 'critical', note: 'Soba na spratu vlažna, peć ne radi; Đurđa i Žarko čekaju odgovor.' },
  electricity: { rating: 'adequate', note: '' },
  waterSanitation: { rating: 'needsAttention', note: '' },
  overcrowding: { rating: 'needsAttention', note: '' },
  accessibility: { rating: 'adequate', note: '' },
  privacy: { rating: 'notAssessed', note: '' },
  safetySecurity: { rating: 'adequate', note: '' },
} as const;

export const shelterVisit: ShelterVisitRecord = {
  ...meta(ids.shelterVisit, '2025-06-10T10:00:00.000Z'),
  shelterId: ids.shelter,
  visitDate: '2025-06-10',
  monitors: 'Đorđe Šarčević, Miloš Žižić',
  residentsMet: { childrenFemale: 3, childrenMale: 4, adultsFemale: 6, adultsMale: 5, olderFemale: 2, olderMale: 1 },
  conditions: structuredClone(conditions) as ShelterVisitRecord['conditions'],
  observations: 'Љиљана Ђурић и Јована из Његошеве траже Џемаила; Ћирило нема личну карту.',
  needsIdentified: ['civilDocumentation', 'health', 'propertyHousing'],
  followUpActions: 'Hapi i parë: Qëndresa do të çojë dokumentet në zyrë.',
};

const olderShelterVisits: ShelterVisitRecord[] = [
  ['2025-05-12', 27],
  ['2025-04-08', 24],
  ['2025-03-05', 19],
].map(([date, adults], i) => ({
  ...shelterVisit,
  ...meta(id(3 + i), `${date}T10:00:00.000Z`),
  visitDate: date as string,
  residentsMet: { ...shelterVisit.residentsMet, adultsFemale: Number(adults) - 10 },
  conditions: structuredClone(conditions) as ShelterVisitRecord['conditions'],
}));

export const household: HouseholdRecord = {
  ...meta(ids.household),
  status: 'returned',
  community: 'serb',
  accommodation: 'ownHome',
  shelterId: '',
  placeOfDisplacement: 'serbia',
  displacementLocation: 'Kraljevo',
  displacementDate: '1999-06-20',
  returnDate: '2012-05-04',
  returnMunicipality: 'zvecan',
  returnSettlement: 'Žitkovac',
  currentMunicipality: 'zvecan',
  address: 'Žitkovac bb, kuća 7',
  phone: '+383 49 765 432',
  notes: 'Porodica čeka rešenje o imovini od KPCVA.',
  consent: {
    status: 'given',
    date: '2025-03-01',
    recordedBy: 'Shpëtim Krasniqi',
    scopes: ['dataCollection', 'referral', 'sharingWithPartners'],
    notObtainedReason: '',
    notes: '',
    withdrawnOn: '',
  },
  headName: 'Ђорђе Јовановић',
  memberCount: 4,
  searchTokens: [],
};

const person = (
  pid: string,
  fullName: string,
  fields: Partial<PersonRecord> & Pick<PersonRecord, 'sex' | 'relationship'>,
): PersonRecord => ({
  ...meta(pid),
  householdId: ids.household,
  searchTokens: [],
  fullName,
  dateOfBirth: '',
  estimatedAge: null,
  community: 'serb',
  birthCertificate: 'held',
  idCard: 'held',
  civilRegistration: 'registered',
  statelessnessRisk: false,
  specificNeeds: [],
  ...fields,
});

export const members: PersonRecord[] = [
  person(ids.head, 'Ђорђе Јовановић', { sex: 'male', relationship: 'head', dateOfBirth: '1968-04-12' }),
  person(ids.spouse, 'Љубица Јовановић', {
    sex: 'female',
    relationship: 'spouse',
    dateOfBirth: '1971-09-30',
    specificNeeds: ['seriousMedicalCondition'],
  }),
  person(ids.son, 'Његош Јовановић', {
    sex: 'male',
    relationship: 'child',
    dateOfBirth: '2009-02-17',
    idCard: 'notHeld',
    civilRegistration: 'notRegistered',
    statelessnessRisk: true,
  }),
  person(ids.grandfather, 'Ћирило Џаковић', {
    sex: 'male',
    relationship: 'grandparent',
    dateOfBirth: '1941-11-05',
    specificNeeds: ['olderPersonAtRisk', 'disability'],
  }),
];

export const questionnaire: Questionnaire = {
  id: 'returnee-monitoring',
  version: 1,
  title: {
    en: 'Returnee monitoring',
    sq: 'Monitorimi i të kthyerve',
    'sr-Latn': 'Praćenje povratnika',
    'sr-Cyrl': 'Праћење повратника',
  },
  sections: [
    {
      id: 'security',
      title: {
        en: 'Security and freedom of movement',
        sq: 'Siguria dhe liria e lëvizjes',
        'sr-Latn': 'Bezbednost i sloboda kretanja',
        'sr-Cyrl': 'Безбедност и слобода кретања',
      },
      questions: [
        {
          id: 'feelsSafe',
          type: 'yesNo',
          required: true,
          label: {
            en: 'Does the household feel safe?',
            sq: 'A ndihet e sigurt familja?',
            'sr-Latn': 'Da li se domaćinstvo oseća bezbedno?',
            'sr-Cyrl': 'Да ли се домаћинство осећа безбедно?',
          },
        },
        {
          id: 'incidentDescription',
          type: 'text',
          required: false,
          showIf: { question: 'feelsSafe', equals: false },
          label: {
            en: 'Describe the incidents',
            sq: 'Përshkruani incidentet',
            'sr-Latn': 'Opišite incidente',
            'sr-Cyrl': 'Опишите инциденте',
          },
        },
      ],
    },
    {
      id: 'intention',
      title: {
        en: 'Intention to stay',
        sq: 'Qëllimi për të qëndruar',
        'sr-Latn': 'Namera da ostanu',
        'sr-Cyrl': 'Намера да остану',
      },
      questions: [
        {
          id: 'intention',
          type: 'singleChoice',
          required: true,
          label: {
            en: 'What does the household intend to do?',
            sq: 'Çfarë synon të bëjë familja?',
            'sr-Latn': 'Šta domaćinstvo namerava?',
            'sr-Cyrl': 'Шта домаћинство намерава?',
          },
          choices: [
            { value: 'stay', label: { en: 'Stay', sq: 'Të qëndrojë', 'sr-Latn': 'Da ostane', 'sr-Cyrl': 'Да остане' } },
            { value: 'leave', label: { en: 'Leave', sq: 'Të largohet', 'sr-Latn': 'Da ode', 'sr-Cyrl': 'Да оде' } },
          ],
        },
        {
          id: 'adultsWorking',
          type: 'number',
          required: false,
          min: 0,
          label: {
            en: 'Adults in paid work',
            sq: 'Të rritur me punë të paguar',
            'sr-Latn': 'Odrasli sa plaćenim poslom',
            'sr-Cyrl': 'Одрасли са плаћеним послом',
          },
        },
      ],
    },
  ],
};

export const householdVisit: HouseholdVisitRecord = {
  ...meta(ids.householdVisit, '2025-06-12T10:00:00.000Z'),
  householdId: ids.household,
  visitDate: '2025-06-12',
  monitors: 'Đorđe Šarčević, Miloš Žižić',
  questionnaireId: 'returnee-monitoring',
  questionnaireVersion: 1,
  answers: {
    feelsSafe: false,
    incidentDescription: 'Soba na spratu vlažna, peć ne radi; Đurđa i Žarko čekaju odgovor.',
    intention: 'stay',
    adultsWorking: 1,
  },
  observations: 'Љиљана Ђурић и Јована из Његошеве траже Џемаила; Ћирило нема личну карту.',
  needsIdentified: ['civilDocumentation', 'statelessness', 'propertyHousing'],
  followUpActions: 'Hapi i parë: Qëndresa do të çojë dokumentet në zyrë.',
};

export const organisations: OrganisationRecord[] = [
  {
    ...meta(ids.organisation),
    name: 'Civil Rights Program Kosovo (CRP/K)',
    services: ['freeLegalAid', 'civilDocumentation', 'housingProperty'],
    contact: 'Rr. Agim Ramadani 15, Prishtinë',
    active: true,
  },
  {
    ...meta(ids.organisation2),
    name: 'Kosova Rehabilitation Centre for Torture Victims (KRCT)',
    services: ['psychosocialRehabilitation', 'health'],
    contact: '',
    active: true,
  },
];
const organisationNames = Object.fromEntries(organisations.map((o) => [o.id, o.name]));

export const referral: ReferralRecord = {
  ...meta(ids.referral, '2025-06-12T11:00:00.000Z'),
  householdId: ids.household,
  personId: ids.son,
  visitId: ids.householdVisit,
  service: 'civilDocumentation',
  organisationId: ids.organisation,
  urgency: 'high',
  referredOn: '2025-06-12',
  dueDate: '2025-06-30',
  reason: 'Његош нема личну карту ни упис у матичну књигу; отац Ђорђе и деда Ћирило Џаковић траже помоћ, Љубица је болесна. Dokumenta čuva tetka Božana; Miloš će ih doneti.',
  status: 'open',
  closedReason: '',
  statusHistory: [{ status: 'open', on: '2025-06-12' }],
};

const referralDone: ReferralRecord = {
  ...meta(ids.referralDone, '2025-03-02T11:00:00.000Z'),
  householdId: ids.household,
  personId: ids.spouse,
  visitId: '',
  service: 'health',
  organisationId: ids.organisation2,
  urgency: 'medium',
  referredOn: '2025-03-02',
  dueDate: '2025-04-01',
  reason: '',
  status: 'completed',
  closedReason: '',
  statusHistory: [
    { status: 'open', on: '2025-03-02' },
    { status: 'accepted', on: '2025-03-05' },
    { status: 'completed', on: '2025-03-28' },
  ],
};

const followUp = (fid: string, fields: Partial<FollowUpRecord>): FollowUpRecord => ({
  ...meta(fid, '2025-06-12T12:00:00.000Z'),
  subjectType: 'household',
  subjectId: ids.household,
  title: '',
  dueDate: '2025-06-01',
  done: false,
  notes: '',
  completedOn: '',
  ...fields,
});

export const followUps: FollowUpRecord[] = [
  followUp(ids.followUp, {
    title: 'Thirrni Qëndresën për çështjen e dokumenteve',
    dueDate: '2025-06-14',
    subjectType: 'referral',
    subjectId: ids.referral,
  }),
  followUp(ids.followUpDone, { title: 'Проверити упис у матичну књигу', dueDate: '2025-06-13', done: true, completedOn: '2025-06-13' }),
];

const shelterFollowUps: FollowUpRecord[] = [
  followUp(ids.shelterFollowUp, {
    subjectType: 'shelter',
    subjectId: ids.shelter,
    title: 'Popraviti peć u sobi 4 – pozvati Đorđa',
    dueDate: '2025-06-05',
  }),
];

const photoPng = (): Uint8Array => pngFromPixels(48, 36, (x, y) => [40 + x * 3, 90 + y * 3, 160]);

export const shelterVisitInput: ShelterVisitReportInput = {
  kind: 'visit',
  visitType: 'shelter',
  visit: shelterVisit,
  shelter,
  referrals: [],
  followUps: shelterFollowUps,
  photos: [
    { image: { format: 'PNG', data: photoPng() }, caption: 'Soba 4 – vlaga na zidu', fileName: 'soba4.png' },
    { image: { format: 'PNG', data: photoPng() }, caption: 'Kuzhina e përbashkët', fileName: 'kuzhina.png' },
  ],
  organisationNames,
  persons: {},
};

export const householdVisitInput: HouseholdVisitReportInput = {
  kind: 'visit',
  visitType: 'household',
  visit: householdVisit,
  household,
  members,
  questionnaire,
  referrals: [referral],
  followUps,
  photos: [{ image: { format: 'PNG', data: photoPng() }, caption: 'Кућа – кров', fileName: 'kuca.png' }],
  organisationNames,
  persons: Object.fromEntries(members.map((m) => [m.id, { id: m.id, fullName: m.fullName }])),
};

export const shelterProfileInput: ShelterProfileInput = {
  kind: 'shelterProfile',
  shelter,
  visits: [shelterVisit, ...olderShelterVisits],
  followUps: shelterFollowUps,
  registered: { households: 9, persons: 31 },
};

export const householdCaseInput: HouseholdCaseInput = {
  kind: 'householdCase',
  household,
  members,
  shelter: null,
  visits: [householdVisit],
  questionnaireTitles: { 'returnee-monitoring@1': questionnaire.title },
  referrals: [referral, referralDone],
  followUps,
  organisationNames,
};

export const referralLetterInput: ReferralLetterInput = {
  kind: 'referralLetter',
  referral,
  household,
  members,
  organisation: organisations[0]!,
  visit: { visitDate: householdVisit.visitDate, needsIdentified: householdVisit.needsIdentified },
  monitorName: 'Đorđe Šarčević',
};

/** Shelter names carry the letters in the period summary, which names no person. */
export const periodShelters = [
  { id: id(101), name: 'Qendra kolektive e Çagllavicës (Graçanicë)', municipality: 'gracanice' },
  { id: id(102), name: 'Колективни центар Ђурђевик – Јањево', municipality: 'lipjan' },
  { id: id(103), name: 'Колективни центар Љубижда – Његошева', municipality: 'prizren' },
  { id: id(104), name: 'Колективни центар Ћифлук – Џамијска', municipality: 'mitrovice-veriut' },
  { id: id(105), name: 'Kolektivni centar Đurakovac – ul. Miloša Đorđevića, Čačak, Žiža', municipality: 'istog' },
];

export function periodSummaryInput(): PeriodSummaryInput {
  const households = Array.from({ length: 40 }, (_, i) => ({
    id: id(200 + i),
    status: i % 3 ? ('returned' as const) : ('displaced' as const),
    // 23 Serb households in Graçanicë, 3 Roma (a small cell), the rest spread out.
    community: i < 26 ? (i < 23 ? 'serb' : 'roma') : i < 34 ? 'ashkali' : 'egyptian',
    municipality: i < 26 ? 'gracanice' : i < 37 ? 'prizren' : 'istog',
    memberCount: 1 + (i % 5),
  }));
  const needCycle = ['civilDocumentation', 'health', 'propertyHousing', 'statelessness', 'education'];
  return {
    kind: 'periodSummary',
    period: { from: '2025-04-01', to: '2025-06-15', municipalities: [], includeVisitLog: true },
    shelters: periodShelters,
    shelterVisits: periodShelters.flatMap((s, i) =>
      Array.from({ length: i + 1 }, (_, k) => ({
        id: id(300 + i * 10 + k),
        visitDate: `2025-0${4 + (k % 3)}-1${k % 9}`,
        shelterId: s.id,
        needsIdentified: needCycle.slice(0, 1 + ((i + k) % 3)),
        residentsMet: 10 + k,
      })),
    ),
    households,
    householdVisits: households.map((h, i) => ({
      id: id(400 + i),
      visitDate: `2025-05-${String(1 + (i % 28)).padStart(2, '0')}`,
      householdId: h.id,
      needsIdentified: i % 4 === 0 ? ['familyTracing'] : needCycle.slice(i % 3, (i % 3) + 2),
    })),
    referrals: households.slice(0, 30).map((h, i) => ({
      id: id(500 + i),
      householdId: h.id,
      service: (['civilDocumentation', 'freeLegalAid', 'health', 'housingProperty'] as const)[i % 4]!,
      status: (['open', 'accepted', 'completed', 'closedUnresolved'] as const)[i % 3]!,
      referredOn: '2025-05-20',
    })),
    overdueFollowUps: [
      { id: id(600), dueDate: '2025-06-12', subjectType: 'referral', municipality: 'gracanice' },
      { id: id(601), dueDate: '2025-05-01', subjectType: 'household', municipality: 'prizren' },
      ...Array.from({ length: 7 }, (_, i) => ({
        id: id(610 + i),
        dueDate: '2025-06-01',
        subjectType: 'referral' as const,
        municipality: 'gracanice',
      })),
    ],
  };
}

/** A small PNG (a blue-grey gradient), made here so the fixtures need no image file. */
function pngFromPixels(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]) {
  // Stored (uncompressed) deflate blocks: a valid PNG without a compression library.
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    raw.push(0);
    for (let x = 0; x < width; x++) raw.push(...pixel(x, y));
  }
  const adler = (() => {
    let a = 1;
    let b = 0;
    for (const v of raw) {
      a = (a + v) % 65521;
      b = (b + a) % 65521;
    }
    return ((b << 16) | a) >>> 0;
  })();
  const len = raw.length;
  const zlib = [0x78, 0x01, 0x01, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff, ...raw, adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff];
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: number[]) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const u32 = (v: number) => [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  const chunk = (kind: string, data: number[]) => {
    const body = [...kind].map((ch) => ch.charCodeAt(0)).concat(data);
    return [...u32(data.length), ...body, ...u32(crc(body))];
  };
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...u32(width), ...u32(height), 8, 2, 0, 0, 0]),
    ...chunk('IDAT', zlib),
    ...chunk('IEND', []),
  ]);
}
