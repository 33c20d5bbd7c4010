import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A label in any of the app's languages, read from the catalogs themselves, so flows that run
 * before or after a language switch find the same control without copying its translations.
 */
const LOCALES = fileURLToPath(new URL('../../renderer/src/i18n/locales', import.meta.url));

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function translations(key: string): string[] {
  const found = new Set<string>();
  for (const lang of readdirSync(LOCALES)) {
    for (const file of readdirSync(join(LOCALES, lang))) {
      const text = lookup(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')), key);
      if (text) found.add(text);
    }
  }
  if (found.size === 0) throw new Error(`No translation of ${key}`);
  return [...found];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The whole accessible name (a field's name may end in " (required)"). */
export function anyLanguage(key: string): RegExp {
  return new RegExp(`^(${translations(key).map(escape).join('|')})( \\(.*\\))?$`);
}
