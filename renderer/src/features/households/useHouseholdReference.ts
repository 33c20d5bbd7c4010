import { useMemo } from 'react';
import {
  communities,
  placesOfDisplacement,
  translatedName,
  type TranslatedReference,
} from '../../../../shared/reference/communities';
import { useAppLanguage } from '../../hooks/useAppLanguage';

function useTranslatedList(list: readonly TranslatedReference[]) {
  const language = useAppLanguage();
  return useMemo(() => {
    const options = list.map((item) => ({ code: item.code, label: translatedName(item, language) }));
    const byCode = new Map(options.map((o) => [o.code, o.label]));
    return { options, name: (code: string) => byCode.get(code) ?? code };
  }, [list, language]);
}

/** Communities of Kosovo, named in the UI language. */
export const useCommunities = () => useTranslatedList(communities);

/** Where a household was displaced to (within Kosovo, Serbia, …), named in the UI language. */
export const usePlacesOfDisplacement = () => useTranslatedList(placesOfDisplacement);
