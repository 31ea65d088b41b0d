/** What a decoder yields: one positioned entity, before the core adds where it came from. */
export interface DecodedEntity {
  readonly uid: string;
  readonly cotType: string;
  readonly callsign: string | null;
  readonly lat: number;
  readonly lon: number;
  /** Height above the WGS-84 ellipsoid, metres. */
  readonly hae: number | null;
  /** Degrees clockwise from true north. */
  readonly course: number | null;
  /** Metres per second. */
  readonly speed: number | null;
  /**
   * When the entity was at this position, epoch milliseconds. Null when the record itself says
   * nothing about time (an AIS sentence without a tag block, JSON without a time field): the
   * ingest path then uses the record's Kafka timestamp. A decoder never reads a clock.
   */
  readonly time: number | null;
  readonly stale: number | null;
  /** Circular and linear error, metres, from formats that carry them; null when the sender did not know. */
  readonly ce?: number | null;
  readonly le?: number | null;
  /** Free text the sender attached (CoT `<remarks>`), kept searchable; absent from formats without any. */
  readonly remarks?: string | null;
}

export type DecodeResult =
  | {
      readonly ok: true;
      readonly entities: readonly DecodedEntity[];
      /** A record that is free text rather than positions: its text, kept searchable. */
      readonly text?: string;
    }
  | { readonly ok: false; readonly error: string };

/** A pure function of the record's bytes: no clock, no state, no I/O. */
export type Decoder = (value: Uint8Array) => DecodeResult;
