import { AFFILIATIONS, type Affiliation } from '../../shared/cot-type';
import type { Bounds } from '../../shared/review';
import { SearchQuerySchema, type SearchQuery } from '../../shared/search';
import { formatUtc, parseUtc } from '../review/utc-time';

/** The search form as typed: lists are comma-separated, times are UTC text. */
export interface SearchFields {
  readonly text: string;
  readonly callsign: string;
  readonly uid: string;
  readonly types: string;
  readonly affiliations: readonly Affiliation[];
  readonly topics: string;
  readonly sources: string;
  readonly from: string;
  readonly to: string;
  readonly area: Bounds | null;
}

export const BLANK_SEARCH: SearchFields = { text: '', callsign: '', uid: '', types: '', affiliations: [], topics: '', sources: '', from: '', to: '', area: null };

export type SearchFormOutcome = { readonly ok: true; readonly query: SearchQuery } | { readonly ok: false; readonly problem: string };

const listOf = (text: string): string[] | undefined => {
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return items.length === 0 ? undefined : items;
};
const textOf = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The query the fields ask for, or a sentence saying which field to fix. */
export function searchQueryOf(fields: SearchFields): SearchFormOutcome {
  const times: { from?: number; to?: number } = {};
  for (const edge of ['from', 'to'] as const) {
    if (fields[edge].trim() === '') continue;
    const time = parseUtc(fields[edge]);
    if (time === null) return { ok: false, problem: `Type the "${edge}" time as YYYY-MM-DD HH:MM:SSZ, in UTC, or leave it empty.` };
    times[edge] = time;
  }
  const parsed = SearchQuerySchema.safeParse({
    text: textOf(fields.text),
    callsign: textOf(fields.callsign),
    uid: textOf(fields.uid),
    types: listOf(fields.types),
    affiliations: fields.affiliations.length === 0 ? undefined : AFFILIATIONS.filter((affiliation) => fields.affiliations.includes(affiliation)),
    topics: listOf(fields.topics),
    sources: listOf(fields.sources),
    ...times,
    area: fields.area ?? undefined,
  });
  if (!parsed.success) return { ok: false, problem: `This search cannot run: ${parsed.error.issues[0]?.message ?? 'a field is not valid'}.` };
  return { ok: true, query: parsed.data };
}

/** A saved query back in the form, to run it again or change it. */
export function searchFieldsOf(query: SearchQuery): SearchFields {
  return {
    text: query.text ?? '',
    callsign: query.callsign ?? '',
    uid: query.uid ?? '',
    types: (query.types ?? []).join(', '),
    affiliations: query.affiliations ?? [],
    topics: (query.topics ?? []).join(', '),
    sources: (query.sources ?? []).join(', '),
    from: query.from === undefined ? '' : formatUtc(query.from),
    to: query.to === undefined ? '' : formatUtc(query.to),
    area: query.area ?? null,
  };
}
