/** One record as a source delivers it, before decoding. Kafka's fields, whatever the source. */
export interface RawRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly headers: Readonly<Record<string, string>> | null;
  readonly value: Uint8Array;
}
