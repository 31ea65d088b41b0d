import { affiliationOf } from '../../../shared/cot-type';
import type { SearchQuery } from '../../../shared/search';
import type { FixConditions, SearchDictionary } from '../store/search-queries';

/**
 * Resolves the type, affiliation, topic and source conditions against the cache's small
 * dictionaries, so SQL checks each fix against a set of ids. Returns null when no fix can match,
 * such as for a type the cache has never seen. `entities` restricts the fixes to those entities.
 */
export function fixConditionsOf(query: SearchQuery, dictionary: SearchDictionary, entities: readonly number[] | null): FixConditions | null {
  const kinds = idsWhere(
    dictionary.kinds,
    query.types === undefined && query.affiliations === undefined,
    (kind) => hasTypePrefix(kind.cotType, query.types) && (query.affiliations?.includes(affiliationOf(kind.cotType)) ?? true),
  );
  const streams = idsWhere(
    dictionary.streams,
    query.topics === undefined && query.sources === undefined,
    (stream) => (query.topics?.includes(stream.topic) ?? true) && (query.sources?.includes(stream.source) ?? true),
  );
  if (kinds?.length === 0 || streams?.length === 0 || entities?.length === 0) return null;
  return { from: query.from ?? 0, to: query.to ?? Number.MAX_SAFE_INTEGER, kinds, streams, entities, area: query.area ?? null };
}

function idsWhere<T extends { readonly id: number }>(entries: readonly T[], unrestricted: boolean, keep: (entry: T) => boolean): number[] | null {
  return unrestricted ? null : entries.filter(keep).map((entry) => entry.id);
}

/** `a-h-A` takes `a-h-A` and `a-h-A-M-F`, but not `a-h-AB`: prefixes end where a CoT type's parts do. */
function hasTypePrefix(cotType: string, prefixes: readonly string[] | undefined): boolean {
  return prefixes?.some((prefix) => cotType === prefix || cotType.startsWith(prefix.endsWith('-') ? prefix : `${prefix}-`)) ?? true;
}
