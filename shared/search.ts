import { z } from 'zod';
import { AFFILIATIONS } from './cot-type';
import { BoundsSchema } from './review';

const epochMillis = z.number().int().nonnegative();
const term = z.string().trim().min(1).max(200);

export const MAX_SEARCH_PAGE = 10_000;

/**
 * What to look for in the cache. Every field given must match; text is searched in the decoded
 * free text and remarks, word by word: every word must occur, and nothing in it is read as search
 * syntax. A callsign matches whatever its letter case; ending it with `*` finds every callsign that
 * starts so. Types are CoT type prefixes (`a-h-A` finds every hostile aircraft). `from` and `to`
 * are fix times, both included. An area whose west edge is east of its east edge crosses the 180°
 * meridian.
 */
export const SearchQuerySchema = z
  .object({
    text: term.optional(),
    callsign: term.optional(),
    uid: term.optional(),
    types: z.array(term).min(1).max(20).optional(),
    affiliations: z.array(z.enum(AFFILIATIONS)).min(1).optional(),
    topics: z.array(term).min(1).max(50).optional(),
    sources: z.array(term).min(1).max(50).optional(),
    from: epochMillis.optional(),
    to: epochMillis.optional(),
    area: BoundsSchema.optional(),
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, 'the search starts after it ends; swap the two times');
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** One fix that matched. */
export const SearchRowSchema = z.object({
  recordId: z.number().int().nonnegative(),
  time: epochMillis,
  uid: z.string(),
  callsign: z.string().nullable(),
  cotType: z.string(),
  affiliation: z.enum(AFFILIATIONS),
  lat: z.number(),
  lon: z.number(),
  source: z.string(),
  topic: z.string(),
});
export type SearchRow = z.infer<typeof SearchRowSchema>;

/** Where the next page starts; opaque to the renderer. */
export const SearchCursorSchema = z.string().min(1).max(200);

export const SearchPageSchema = z.object({
  rows: z.array(SearchRowSchema),
  /** Null when there is nothing more to find. */
  next: SearchCursorSchema.nullable(),
});
export type SearchPage = z.infer<typeof SearchPageSchema>;

export const SavedSearchIdSchema = z.uuid();
/**
 * A search kept under a name. A search saved by an older Outpost that this one can no longer read
 * comes with `query` null and `problem` saying why, so it can be shown, removed or saved again.
 */
export const SavedSearchSchema = z
  .object({
    id: SavedSearchIdSchema,
    name: z.string().trim().min(1).max(100),
    query: SearchQuerySchema.nullable(),
    problem: z.string().min(1).nullable(),
    createdAt: epochMillis,
    updatedAt: epochMillis,
  })
  .refine((saved) => (saved.query === null) !== (saved.problem === null), 'a saved search has either a query or a problem');
export type SavedSearch = z.infer<typeof SavedSearchSchema>;
