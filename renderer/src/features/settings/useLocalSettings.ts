import { useStore } from '../../app/AppServices';
import { useLiveResult } from '../../hooks/useLiveResult';

export function useLocalSettings() {
  const store = useStore();
  return useLiveResult(() => store.settings.get(), [store]);
}
