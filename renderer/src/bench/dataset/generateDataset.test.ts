import { describe, expect, it } from 'vitest';
import { householdRegistrationSchema } from '../../../../shared/households/householdSchema';
import { validateAnswers } from '../../../../shared/questionnaires/questionnaireEngine';
import { questionnaires } from '../../../../shared/questionnaires/registry';
import { referralSchema } from '../../../../shared/referrals/referralSchema';
import { shelterInputSchema } from '../../../../shared/shelters/shelterSchema';
import { searchTokens } from '../../../../shared/text/normalize';
import { householdVisitSchema } from '../../../../shared/visits/householdVisitSchema';
import { shelterVisitSchema } from '../../../../shared/visits/shelterVisitSchema';
import { datasetCounts, generateDataset, scaleCounts, timeline, type Dataset } from './generateDataset';
import { toSerbianCyrillic } from './names';
import { searchQueries } from './searchQueries';

const until = '2026-06-30';
const small = {
  shelters: 6,
  households: 120,
  persons: 480,
  shelterVisits: 40,
  householdVisits: 200,
  referrals: 60,
};
const ID = '00000000-0000-4000-8000-000000000001';

describe('the bench data set', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateDataset({ seed: 11, until, counts: small });
    expect(generateDataset({ seed: 11, until, counts: small })).toEqual(a);
    expect(generateDataset({ seed: 12, until, counts: small })).not.toEqual(a);
  });

  it('has the counts of scale S and of scale L', () => {
    const s = generateDataset({ scale: 'S', until });
    expect(datasetCounts(s)).toEqual(scaleCounts.S);
    expect(scaleCounts.S).toEqual({
      shelters: 50,
      households: 5000,
      persons: 20000,
      shelterVisits: 2000,
      householdVisits: 8000,
      referrals: 3000,
    });
    const l = generateDataset({ scale: 'L', until });
    expect(datasetCounts(l)).toEqual(scaleCounts.L);
    for (const [kind, count] of Object.entries(scaleCounts.S)) {
      expect(scaleCounts.L[kind as keyof typeof scaleCounts.L]).toBe(count * 10);
    }
  }, 60_000);

  it('writes names in Albanian, in Serbian Latin and in Serbian Cyrillic', () => {
    const names = generateDataset({ until }).households.flatMap((h) =>
      h.registration.members.map((m) => m.fullName),
    );
    const cyrillic = names.filter((n) => /[\u0400-\u04ff]/.test(n));
    const serbianLatin = names.filter((n) => /[čćšžđ]/i.test(n));
    const albanian = names.filter((n) => /[ëç]/i.test(n));
    for (const group of [cyrillic, serbianLatin, albanian])
      expect(group.length).toBeGreaterThan(names.length / 20);
    expect(toSerbianCyrillic('Ljubiša Đorđević')).toBe('Љубиша Ђорђевић');
    expect(toSerbianCyrillic('Njegoš Hadžić')).toBe('Његош Хаџић');
  });

  describe('its records pass the shared schemas the repositories apply', () => {
    const dataset = generateDataset({ seed: 3, until, counts: small });
    it('shelters and households', () => {
      for (const s of dataset.shelters) expect(shelterInputSchema.safeParse(s.input).error).toBeUndefined();
      for (const h of dataset.households) {
        const household = { ...h.registration.household, shelterId: h.shelterIndex === null ? '' : ID };
        expect(householdRegistrationSchema.safeParse({ ...h.registration, household }).error).toBeUndefined();
        expect(h.registeredOn >= dataset.from && h.registeredOn <= until).toBe(true);
      }
    });
    it('visits, with answers valid for their questionnaire version on the visit day', () => {
      for (const v of dataset.shelterVisits)
        expect(shelterVisitSchema.safeParse({ ...v.input, shelterId: ID }).error).toBeUndefined();
      for (const v of dataset.householdVisits) {
        expect(householdVisitSchema.safeParse({ ...v.input, householdId: ID }).error).toBeUndefined();
        const q = questionnaires.questionnaireVersion(v.input.questionnaireId, v.input.questionnaireVersion)!;
        expect(validateAnswers(q, v.input.answers, v.input.visitDate)).toEqual([]);
        expect(dataset.households[v.householdIndex]!.registration.household.consent.status).not.toBe(
          'withdrawn',
        );
      }
    });
    it('referrals, only where consent covers referral, with status moves in order', () => {
      for (const r of dataset.referrals) {
        expect(referralSchema.safeParse({ ...r.input, householdId: ID, visitId: ID }).error).toBeUndefined();
        expect(dataset.households[r.householdIndex]!.registration.household.consent.scopes).toContain(
          'referral',
        );
        let last = r.input.referredOn;
        for (const move of r.moves) {
          expect(move.on >= last && move.on <= until).toBe(true);
          last = move.on;
        }
      }
    });
  });

  it('orders the writes so that nothing is written before what it refers to', () => {
    const dataset: Dataset = generateDataset({ seed: 5, until, counts: small });
    const seen = new Set<string>();
    for (const event of timeline(dataset)) {
      if (event.kind === 'shelterVisit')
        expect(seen.has(`shelter${dataset.shelterVisits[event.index]!.shelterIndex}`)).toBe(true);
      if (event.kind === 'household') {
        const shelter = dataset.households[event.index]!.shelterIndex;
        if (shelter !== null) expect(seen.has(`shelter${shelter}`)).toBe(true);
      }
      if (event.kind === 'householdVisit')
        expect(seen.has(`household${dataset.householdVisits[event.index]!.householdIndex}`)).toBe(true);
      if (event.kind === 'referral')
        expect(seen.has(`householdVisit${dataset.referrals[event.index]!.visitIndex}`)).toBe(true);
      if (event.kind === 'referralMove') expect(seen.has(`referral${event.index}`)).toBe(true);
      seen.add(`${event.kind}${event.index}`);
    }
  });

  it('makes name searches that find their household whatever the script or diacritics', () => {
    const dataset = generateDataset({ seed: 9, until, counts: small });
    const queries = searchQueries(dataset, 200);
    expect(new Set(queries.map((q) => q.variant)).size).toBe(4);
    expect(queries.some((q) => /[\u0400-\u04ff]/.test(q.query))).toBe(true);
    for (const { query, householdIndex } of queries) {
      const tokens = dataset.households[householdIndex]!.registration.members.flatMap((m) =>
        searchTokens(m.fullName),
      );
      for (const word of searchTokens(query)) expect(tokens.some((t) => t.startsWith(word))).toBe(true);
    }
  });
});
