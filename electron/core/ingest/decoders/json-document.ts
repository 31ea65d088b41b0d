import { utf8Text } from './utf8';

export type JsonObject = Readonly<Record<string, unknown>>;

export type ParsedJson = { readonly ok: true; readonly document: unknown } | { readonly ok: false; readonly error: string };

/** The record parsed as one JSON document; the failure doubles as a DecodeResult. */
export function parseJsonDocument(value: Uint8Array): ParsedJson {
  const text = utf8Text(value);
  if (text === null) return { ok: false, error: 'the record is not valid UTF-8 text' };
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    // Only a syntax error is the record's fault; anything else (running out of memory) is ours.
    if (error instanceof SyntaxError) return { ok: false, error: `the record is not valid JSON (${error.message})` };
    throw error;
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names what kind of JSON value this is, for an error that says what was found instead. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}
