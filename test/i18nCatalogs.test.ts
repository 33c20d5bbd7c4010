// The translation catalogs: same keys as English (with each language's own plural forms), the
// same placeholders, every key the code uses present, real translations rather than English
// copies, and a Serbian Cyrillic catalog that is the Serbian Latin one transliterated.
//
// Checked twice: file by file (each `locales/<lang>…json` against its English counterpart, for
// precise messages) and as the app loads them (`renderer/src/i18n/catalogs.ts` merges the files
// of each language): what users see is the merged catalog.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogs as appCatalogs } from '../renderer/src/i18n/catalogs';
import { supportedLanguages } from '../renderer/src/i18n/languages';
import {
  compareKeys,
  comparePlaceholders,
  cyrillicScriptProblems,
  endonymProblems,
  expectedKeys,
  flatten,
  identicalToReference,
  LATIN_IN_CYRILLIC,
  latinToCyrillic,
  pluralBases,
  transliterationMismatches,
  type Catalog,
} from './i18nCatalogCheck';
import {
  compilerOptions,
  findKeyUsages,
  listSourceFiles,
  programFromSources,
  unknownKeyUsages,
} from './i18nKeyUsage';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = path.join(root, 'renderer/src/i18n/locales');
const clone = (c: Catalog): Catalog => structuredClone(c);

type Language = (typeof supportedLanguages)[number];
const translations = supportedLanguages.filter((l) => l !== 'en');
const en = appCatalogs.en as Catalog;
const catalogs = appCatalogs as Record<Language, Catalog>;

/** Proper names that stay as they are in every language. */
const PROPER_NAME_KEYS = ['app.name'];
/** At most this share of a Latin-script translation may be identical to English. */
const MAX_IDENTICAL_RATIO = 0.1;

/** The language menu names each language in its own script: those entries are exempt. */
const endonyms = Object.entries(flatten(en))
  .filter(([k]) => k.startsWith('language.') && k !== 'language.label')
  .map(([, v]) => v.split(' (')[0]!.trim());
const isLanguageMenuEntry = (key: string) => key.startsWith('language.') && key !== 'language.label';

/** Catalog files by path relative to locales/: `sq.json` or `sq/records.json`. */
const catalogFiles = readdirSync(localesDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.split(path.sep).join('/'))
  .sort();
const languageOf = (file: string) => file.split('/')[0]!.replace(/\.json$/, '');
const readCatalog = (file: string): Catalog => JSON.parse(readFileSync(path.join(localesDir, file), 'utf8'));
const englishCounterpart = (file: string) => file.replace(/^[^/.]+(?=\.json$|\/)/, 'en');

describe('catalog files', () => {
  it('belong to the supported languages', () => {
    expect(
      catalogFiles.filter((f) => !(supportedLanguages as readonly string[]).includes(languageOf(f))),
    ).toEqual([]);
  });

  it('exist in every language for each English file', () => {
    const missing = catalogFiles
      .filter((f) => languageOf(f) === 'en')
      .flatMap((f) => translations.map((l) => f.replace(/^en/, l)))
      .filter((f) => !catalogFiles.includes(f));
    expect(missing, 'translation files missing').toEqual([]);
  });

  it('are all loaded by the app (no stale copy left where catalogs.ts does not look)', () => {
    const notLoaded = catalogFiles.flatMap((file) => {
      const loaded = flatten(catalogs[languageOf(file) as Language] ?? {});
      const strings = Object.entries(flatten(readCatalog(file)));
      const absent = strings.filter(([k, v]) => loaded[k] !== v).map(([k]) => k);
      return absent.length
        ? [
            `${file}: ${absent.length} of ${strings.length} strings not in the app's catalog (e.g. ${absent.slice(0, 3).join(', ')})`,
          ]
        : [];
    });
    expect(notLoaded).toEqual([]);
  });

  describe.each(
    catalogFiles.filter((f) => languageOf(f) !== 'en' && catalogFiles.includes(englishCounterpart(f))),
  )('%s', (file) => {
    it('has the keys of its English counterpart, with its own plural forms', () => {
      const diff = compareKeys(
        readCatalog(englishCounterpart(file)),
        'en',
        readCatalog(file),
        languageOf(file),
      );
      expect(diff, `${file} against ${englishCounterpart(file)}`).toEqual({
        missing: [],
        extra: [],
        invalid: [],
      });
    });
  });
});

describe.each(translations)('%s catalog, as the app loads it', (lang) => {
  const catalog = catalogs[lang];

  it('has the same keys as English, with its own plural forms', () => {
    const diff = compareKeys(en, 'en', catalog, lang);
    expect(diff, `${lang}: missing/extra/empty keys`).toEqual({ missing: [], extra: [], invalid: [] });
  });

  it('keeps every {{placeholder}} of English verbatim', () => {
    expect(comparePlaceholders(en, catalog)).toEqual([]);
  });

  it('names every language in the menu by its own name first', () => {
    expect(endonymProblems(en, catalog)).toEqual([]);
  });
});

describe.each(['sq', 'sr-Latn'] as const)('%s is a translation, not an English copy', (lang) => {
  it(`has fewer than ${MAX_IDENTICAL_RATIO * 100}% of its strings identical to English`, () => {
    const report = identicalToReference(en, catalogs[lang], PROPER_NAME_KEYS);
    expect(report.compared).toBeGreaterThan(0);
    expect(report.ratio, `identical to English: ${report.identical.join(', ')}`).toBeLessThan(
      MAX_IDENTICAL_RATIO,
    );
  });
});

describe('sr-Cyrl', () => {
  it('uses only the Serbian Cyrillic alphabet (Latin only for LATIN_IN_CYRILLIC and language endonyms)', () => {
    expect(cyrillicScriptProblems(catalogs['sr-Cyrl'], [...LATIN_IN_CYRILLIC, ...endonyms])).toEqual([]);
  });

  it('is the transliteration of sr-Latn (run node scripts/i18n/sync-sr-cyrl.mjs after editing sr-Latn)', () => {
    const mismatches = transliterationMismatches(catalogs['sr-Latn'], catalogs['sr-Cyrl'], {
      exemptKeys: isLanguageMenuEntry,
    });
    expect(mismatches).toEqual([]);
  });
});

describe('keys used by the code', () => {
  it('all exist in the English catalog', () => {
    const files = [
      ...listSourceFiles(path.join(root, 'renderer/src'), /\.tsx?$/),
      // The shared zod schemas carry `validation.*` keys as messages.
      ...listSourceFiles(path.join(root, 'shared'), /\.ts$/),
    ];
    const program = programForFiles(files);
    const usages = findKeyUsages(program, files, root);
    // Sanity: the scan sees the app's calls, including template-literal ones.
    expect(usages.filter((u) => u.kind === 'key').length).toBeGreaterThan(50);
    expect(unknownKeyUsages(usages, en)).toEqual([]);
    // Type-checking the whole renderer takes a few seconds, more as it grows.
  }, 120_000);
});

function programForFiles(files: string[]) {
  return programFromSources(
    Object.fromEntries(files.map((f) => [f, readFileSync(f, 'utf8')])),
    compilerOptions(path.join(root, 'tsconfig.json')),
  );
}

// -------------------------------------------------------------------------------------------
// The checks themselves, on fixtures: they must fail when a catalog is broken.
// -------------------------------------------------------------------------------------------

describe('compareKeys (fixtures)', () => {
  // A catalog that passes for Albanian (which shares English plural categories): English itself.
  it('passes a complete catalog and reports a key deleted from it by name', () => {
    expect(compareKeys(en, 'en', clone(en), 'sq')).toEqual({ missing: [], extra: [], invalid: [] });
    const broken = clone(en);
    delete (broken.common as Catalog).save;
    delete (broken.shelters as Catalog).columns;
    const diff = compareKeys(en, 'en', broken, 'sq');
    expect(diff.missing).toEqual([
      'common.save',
      'shelters.columns.municipality',
      'shelters.columns.name',
      'shelters.columns.occupancy',
      'shelters.columns.settlement',
      'shelters.columns.status',
      'shelters.columns.updated',
    ]);
    expect(diff.extra).toEqual([]);
  });

  it('derives plural forms from Intl.PluralRules: Serbian needs _few, Albanian must not have it', () => {
    const ref: Catalog = { n_one: '{{count}} item', n_other: '{{count}} items', plain: 'Plain' };
    expect([...expectedKeys(flatten(ref), 'en', 'sr-Latn')].sort()).toEqual([
      'n_few',
      'n_one',
      'n_other',
      'plain',
    ]);
    expect([...expectedKeys(flatten(ref), 'en', 'sq')].sort()).toEqual(['n_one', 'n_other', 'plain']);

    const serbianWithoutFew: Catalog = {
      n_one: '{{count}} stavka',
      n_other: '{{count}} stavki',
      plain: 'Obično',
    };
    expect(compareKeys(ref, 'en', serbianWithoutFew, 'sr-Latn').missing).toEqual(['n_few']);
    const albanianWithFew: Catalog = {
      n_one: '{{count}} send',
      n_few: '{{count}} sende',
      n_other: '{{count}} sende',
      plain: 'X',
    };
    expect(compareKeys(ref, 'en', albanianWithFew, 'sq').extra).toEqual(['n_few']);
    expect(compareKeys(ref, 'en', { n: 'x', n_other: 'y', plain: '' }, 'sq')).toEqual({
      missing: ['n_one'],
      extra: ['n'],
      invalid: ['plain'],
    });
  });

  it('reports a Serbian catalog lacking one _few form', () => {
    // English with a _few form added to each plural: the shape a Serbian catalog must have.
    const serbian = clone(en);
    for (const base of pluralBases(flatten(en)).keys()) {
      const parts = base.split('.');
      let node = serbian;
      for (const part of parts.slice(0, -1)) node = node[part] as Catalog;
      node[`${parts.at(-1)}_few`] = 'x';
    }
    expect(compareKeys(en, 'en', serbian, 'sr-Latn')).toEqual({ missing: [], extra: [], invalid: [] });
    delete (serbian.shelters as Catalog).count_few;
    expect(compareKeys(en, 'en', serbian, 'sr-Latn').missing).toEqual(['shelters.count_few']);
  });
});

describe('comparePlaceholders (fixtures)', () => {
  const ref: Catalog = {
    a: '{{action}} by {{actor}}',
    d: '{{value, datetime(dateStyle: medium)}}',
    n_one: 'one item',
    n_other: '{{count}} items',
  };
  it('accepts reordered placeholders and a _few form checked against _other', () => {
    const ok: Catalog = {
      a: '{{actor}}: {{action}}',
      d: '{{value, datetime(dateStyle: medium)}}',
      n_one: '{{count}} stavka',
      n_few: '{{count}} stavke',
      n_other: '{{count}} stavki',
    };
    expect(comparePlaceholders(ref, ok)).toEqual([]);
  });
  it('reports a dropped, renamed or altered placeholder', () => {
    const bad: Catalog = {
      a: '{{action}} od {{akter}}',
      d: '{{value, datetime(dateStyle: short)}}',
      n_one: 'x',
      n_few: 'stavke',
      n_other: '{{count}} stavki',
    };
    expect(comparePlaceholders(ref, bad)).toEqual([
      { key: 'a', missing: ['{{actor}}'], unexpected: ['{{akter}}'] },
      {
        key: 'd',
        missing: ['{{value, datetime(dateStyle: medium)}}'],
        unexpected: ['{{value, datetime(dateStyle: short)}}'],
      },
      { key: 'n_few', missing: ['{{count}}'], unexpected: [] },
    ]);
  });
});

describe('identicalToReference (fixtures)', () => {
  it('counts English copies but not placeholder-only strings or proper names', () => {
    const ref: Catalog = {
      name: 'Protection Monitor',
      f: '{{value, number}}',
      a: 'Save',
      b: 'Cancel',
      c: 'Status',
    };
    const report = identicalToReference(
      ref,
      { name: 'Protection Monitor', f: '{{value, number}}', a: 'Ruaj', b: 'Cancel', c: 'Status' },
      ['name'],
    );
    expect(report).toEqual({ identical: ['b', 'c'], compared: 3, ratio: 2 / 3 });
  });
  it('flags the untranslated English catalog itself', () => {
    expect(identicalToReference(en, clone(en), PROPER_NAME_KEYS).ratio).toBe(1);
  });
});

describe('Serbian transliteration and script checks (fixtures)', () => {
  it('transliterates digraphs, capitals and keeps placeholders and brand names', () => {
    expect(latinToCyrillic('Ljiljana, NJIVA, Džamija, đak, ćup', [])).toBe('Љиљана, ЊИВА, Џамија, ђак, ћуп');
    expect(latinToCyrillic('Dobro došli u Protection Monitor: {{count}} lica', ['Protection Monitor'])).toBe(
      'Добро дошли у Protection Monitor: {{count}} лица',
    );
    expect(latinToCyrillic('injekcija, nadživeti, konjunkcija')).toBe('инјекција, надживети, конјункција');
  });
  it('reports Latin letters and non-Serbian Cyrillic letters', () => {
    expect(
      cyrillicScriptProblems(
        { a: 'Мojа', b: 'Новый', c: 'Добро дошли у Protection Monitor', d: '{{value, number}}' },
        ['Protection Monitor'],
      ),
    ).toEqual([
      { key: 'a', problem: 'Latin letters: oj' },
      { key: 'b', problem: 'not Serbian Cyrillic: ый' },
    ]);
  });
  it('reports a Cyrillic string that says something else than the Latin one', () => {
    expect(transliterationMismatches({ a: 'Sačuvaj', b: 'Otkaži' }, { a: 'Сачувај', b: 'Одустани' })).toEqual(
      [{ key: 'b', expected: 'Откажи', actual: 'Одустани' }],
    );
  });
  it('requires the endonym first in the language menu', () => {
    expect(endonymProblems(en, clone(en))).toEqual([]);
    const broken = clone(en);
    (broken.language as Catalog).sq = 'Albanski';
    expect(endonymProblems(en, broken)).toEqual(['language.sq should start with "Shqip", is "Albanski"']);
  });
});

describe('key usage scan (fixtures)', () => {
  const fixture = `
    declare function t(key: string, options?: object): string;
    declare const i18n: { t(key: string): string };
    declare const Trans: (props: { i18nKey: string }) => null;
    type Status = 'open' | 'closed' | 'demolished';
    declare const status: Status;
    declare const field: string;
    declare const dynamicKey: string;
    export const a = t('common.save');
    export const b = i18n.t("shelters.count", { count: 2 });
    export const c = t(\`shelterStatus.\${status}\`);
    export const d = t(\`shelterForm.\${field}\`);
    export const e = t(\`noSuchSection.\${field}\`);
    export const f = t('common.nope');
    export const g = <Trans i18nKey="audit.missing" />;
    export const h = t(dynamicKey);
    export const i = { message: 'validation.notAKey' };
    export const j = t(status === 'open' ? 'common.yes' : 'common.no');
  `;
  it('finds literal, plural, template, conditional, i18nKey and validation keys, and reports unknown ones', () => {
    const file = path.join(root, '__fixtures__/Fixture.tsx');
    const usages = findKeyUsages(programFromSources({ [file]: fixture }), [file], root);
    expect(unknownKeyUsages(usages, en)).toEqual([
      '__fixtures__/Fixture.tsx:11 shelterStatus.demolished',
      '__fixtures__/Fixture.tsx:13 `noSuchSection.${…}` (no section "noSuchSection")',
      '__fixtures__/Fixture.tsx:14 common.nope',
      '__fixtures__/Fixture.tsx:15 audit.missing',
      '__fixtures__/Fixture.tsx:17 validation.notAKey',
    ]);
    expect(
      usages.filter((u) => u.kind === 'dynamic').map((u) => u.kind === 'dynamic' && u.expression),
    ).toEqual(['dynamicKey']);
    expect(usages.filter((u) => u.kind === 'key').map((u) => u.kind === 'key' && u.key)).toEqual(
      expect.arrayContaining([
        'common.save',
        'shelters.count',
        'shelterStatus.open',
        'shelterStatus.closed',
        'common.yes',
        'common.no',
      ]),
    );
  });
});
