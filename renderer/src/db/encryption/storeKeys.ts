import type { VaultKeys } from '../../../../shared/vault/dataKey';
import { createBlindIndex } from '../../../../shared/vault/blindIndex';

/** What the database needs of an unlocked vault: the field key and the blind-index key. */
export type StoreKeys = Pick<VaultKeys, 'fieldKey' | 'blindIndexKey'>;

/** Keeps person-name tags apart from any other field a blind index may cover later. */
const NAME_DOMAIN = 'person.name';

/**
 * Name search over encrypted records: a record stores keyed tags of its names' prefixes
 * (shared/vault/blindIndex.ts), and a query looks its tags up by equality.
 */
export interface NameIndex {
  /** Tags to store for these names. */
  tags(names: string | readonly string[]): string[];
  /** One tag per query word of at least two letters; empty when no word is long enough. */
  queryTags(query: string): string[];
}

/** One per unlocked store: its memo of tags (blindIndex.ts) never outlives the store's keys. */
export function createNameIndex(keys: StoreKeys): NameIndex {
  return createBlindIndex(keys.blindIndexKey, { domain: NAME_DOMAIN });
}
