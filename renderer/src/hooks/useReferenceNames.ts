import { useMemo } from 'react';
import { findMunicipality, localizedPlaceName, municipalities } from '../../../shared/reference/municipalities';
import { useAppLanguage } from './useAppLanguage';

/** Municipalities named in the UI language and sorted in its collation order. */
export function useMunicipalityOptions() {
  const language = useAppLanguage();
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    return municipalities
      .map((m) => ({ code: m.code, label: localizedPlaceName(m, language) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [language]);
}

export function useMunicipalityName() {
  const language = useAppLanguage();
  return (code: string) => {
    const m = findMunicipality(code);
    return m ? localizedPlaceName(m, language) : code;
  };
}
