import type { FixKey, TextKey } from '../store/search-queries';
import { UserFacingError } from '../user-facing-error';

/** Where the next page of a search starts: below a fix, or below a text match. */
export type SearchCursor = { readonly kind: 'fix'; readonly key: FixKey } | { readonly kind: 'text'; readonly key: TextKey };

const FIX_CURSOR = /^f\.(\d{1,16})\.(\d{1,16})\.(\d{1,16})$/;
const TEXT_CURSOR = /^t\.(\d{1,16})\.(\d{1,16})\.(\d{1,16})$/;

export function encodeSearchCursor(cursor: SearchCursor): string {
  return cursor.kind === 'fix' ? `f.${cursor.key.time}.${cursor.key.entity}.${cursor.key.recordId}` : `t.${cursor.key.recordId}.${cursor.key.entity}.${cursor.key.time}`;
}

export function decodeSearchCursor(text: string): SearchCursor {
  const [time, entity, recordId] = numbersOf(FIX_CURSOR.exec(text));
  if (whole(time) && whole(entity) && whole(recordId)) return { kind: 'fix', key: { time, entity, recordId } };
  const [record, textEntity, textTime] = numbersOf(TEXT_CURSOR.exec(text));
  if (whole(record) && whole(textEntity) && whole(textTime)) return { kind: 'text', key: { recordId: record, entity: textEntity, time: textTime } };
  throw unknownCursor();
}

const numbersOf = (match: RegExpExecArray | null): (number | undefined)[] => match?.slice(1).map(Number) ?? [];
const whole = (value: number | undefined): value is number => value !== undefined && Number.isSafeInteger(value);

export function unknownCursor(): UserFacingError {
  return new UserFacingError('The search cannot go on from that point: the page marker is not one this search made. Run the search again from the start.');
}
