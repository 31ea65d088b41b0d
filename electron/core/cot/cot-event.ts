/** The parts of a Cursor-on-Target event Outpost reads and writes. */
export interface CotEvent {
  readonly uid: string;
  readonly type: string;
  /** How the position was obtained, e.g. `m-g` (machine, GPS). */
  readonly how: string;
  readonly time: number;
  readonly start: number;
  readonly stale: number;
  readonly lat: number;
  readonly lon: number;
  readonly hae: number | null;
  /** Circular and linear error, metres. */
  readonly ce: number | null;
  readonly le: number | null;
  readonly callsign: string | null;
  readonly course: number | null;
  readonly speed: number | null;
  readonly remarks: string | null;
}

/** CoT's way of saying "not known" for hae, ce and le. */
export const COT_UNKNOWN = 9_999_999;
