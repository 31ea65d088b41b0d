import type { Precedence, WireFormat } from '../../shared/outbox';

/** How and where a message goes, whatever it says: what composing a message and forwarding an alert share. */
export interface EnvelopeValues {
  readonly profileId: string;
  readonly topic: string;
  readonly precedence: Precedence;
  readonly format: WireFormat;
  /** As typed; empty for none. */
  readonly classification: string;
}

export type EnvelopeField = keyof EnvelopeValues;

/** One control's new value, with the field it belongs to. */
export type EnvelopeChange = { readonly [F in EnvelopeField]: { readonly field: F; readonly value: EnvelopeValues[F] } }[EnvelopeField];
