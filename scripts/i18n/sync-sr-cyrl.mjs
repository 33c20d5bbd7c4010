// Writes the Serbian Cyrillic catalogs from the Serbian Latin ones, so both say the same thing.
// Each string is transliterated letter for letter (lj → љ, nj → њ, dž → џ, đ → ђ, …). Not
// transliterated: placeholders ({{count}}), the names kept in Latin script (LATIN_IN_CYRILLIC:
// the product name, file formats), and the `language.*` menu entries. Those entries are written
// by hand, because each language keeps its own name and script, and are copied over from the
// current Cyrillic file.
//
// Usage: node scripts/i18n/sync-sr-cyrl.mjs [--check] [file…]
//   file     catalog paths relative to renderer/src/i18n/locales/ in the Latin script, e.g.
//            sr-Latn.json or sr-Latn/records.json; default: every sr-Latn catalog.
//   --check  write nothing; exit 1 if a Cyrillic catalog is not what this script would write.
//
// The transliteration is the one test/i18nCatalogs.test.ts enforces (test/i18nCatalogCheck.ts),
// loaded through esbuild so there is a single implementation.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'esbuild';

const root = new URL('../../', import.meta.url);
const locales = new URL('renderer/src/i18n/locales/', root);
const checkSource = readFileSync(new URL('test/i18nCatalogCheck.ts', root), 'utf8');
const { code } = await transform(checkSource, { loader: 'ts', format: 'esm' });
const { latinToCyrillic, LATIN_IN_CYRILLIC } = await import(
  `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
);

const HANDWRITTEN_SECTION = 'language';
const args = process.argv.slice(2);
const check = args.includes('--check');
const requested = args.filter((a) => a !== '--check');

function latinCatalogs() {
  const files = [];
  if (existsSync(new URL('sr-Latn.json', locales))) files.push('sr-Latn.json');
  if (existsSync(new URL('sr-Latn/', locales))) {
    for (const name of readdirSync(new URL('sr-Latn/', locales)).sort())
      if (name.endsWith('.json')) files.push(`sr-Latn/${name}`);
  }
  return files;
}

function convert(node, cyrillicNode, depth) {
  if (typeof node === 'string') return latinToCyrillic(node, LATIN_IN_CYRILLIC);
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      const existing = cyrillicNode?.[key];
      if (depth === 0 && key === HANDWRITTEN_SECTION && existing) return [key, existing];
      return [key, convert(value, typeof existing === 'object' ? existing : undefined, depth + 1)];
    }),
  );
}

let stale = 0;
for (const latinFile of requested.length ? requested : latinCatalogs()) {
  if (!latinFile.startsWith('sr-Latn')) throw new Error(`not a Serbian Latin catalog: ${latinFile}`);
  const cyrillicFile = latinFile.replace(/^sr-Latn/, 'sr-Cyrl');
  const latin = JSON.parse(readFileSync(new URL(latinFile, locales), 'utf8'));
  const target = new URL(cyrillicFile, locales);
  const current = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : undefined;
  const next = `${JSON.stringify(convert(latin, current, 0), null, 2)}\n`;
  if (check) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === next;
    if (!same) stale += 1;
    console.log(`${same ? 'ok   ' : 'STALE'} ${cyrillicFile}`);
  } else {
    writeFileSync(target, next);
    console.log(`wrote ${cyrillicFile} from ${latinFile}`);
  }
}
if (stale) {
  console.error(
    `${stale} Cyrillic catalog(s) differ from the Latin ones: run node scripts/i18n/sync-sr-cyrl.mjs`,
  );
  process.exit(1);
}
