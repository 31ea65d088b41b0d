/** What a decoder yields: one positioned entity, before the core adds where it came from. */
export interface DecodedEntity {
  readonly uid: string;
  readonly cotType: string;
  readonly callsign: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly hae: number | null;
  readonly course: number | null;
  readonly speed: number | null;
  readonly time: number;
  readonly stale: number | null;
}

export type DecodeResult =
  | { readonly ok: true; readonly entities: readonly DecodedEntity[] }
  | { readonly ok: false; readonly error: string };

export type Decoder = (value: Uint8Array) => DecodeResult;
