import { supportedLanguages, type AppLanguage } from './languages';

/**
 * Message catalogs, one folder per language with one file per feature
 * (`locales/<lang>/<feature>.json`), merged into one catalog per language. Features own their
 * files, so adding a feature never edits another feature's strings.
 */
type Catalog = { [key: string]: string | Catalog };

const files = import.meta.glob<Catalog>('./locales/*/*.json', { eager: true, import: 'default' });

export function mergeCatalogs(target: Catalog, source: Catalog, path = ''): Catalog {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') {
      mergeCatalogs(existing, value, `${path}${key}.`);
    } else if (existing !== undefined) {
      throw new Error(`Catalog key ${path}${key} is defined in two files`);
    } else {
      target[key] = typeof value === 'object' ? mergeCatalogs({}, value, `${path}${key}.`) : value;
    }
  }
  return target;
}

function buildCatalogs(): Record<AppLanguage, Catalog> {
  const result = Object.fromEntries(supportedLanguages.map((l) => [l, {} as Catalog])) as Record<AppLanguage, Catalog>;
  for (const [path, catalog] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const language = path.split('/')[2] as AppLanguage;
    if (result[language]) mergeCatalogs(result[language], catalog);
  }
  return result;
}

export const catalogs = buildCatalogs();
