import { z } from 'zod';
import { ERROR_CODES } from './result';

/** The envelopes that carry the contract over a transport (IPC or WebSocket). */
export const CallSchema = z.object({
  method: z.string().max(100),
  args: z.unknown(),
});
export type Call = z.infer<typeof CallSchema>;

export const RequestEnvelopeSchema = CallSchema.extend({ id: z.number().int().nonnegative() });
export type RequestEnvelope = z.infer<typeof RequestEnvelopeSchema>;

const UserErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
});

export const ResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: UserErrorSchema }),
]);

export const ResponseEnvelopeSchema = z.object({
  id: z.number().int().nonnegative(),
  result: ResultSchema,
});
export type ResponseEnvelope = z.infer<typeof ResponseEnvelopeSchema>;

/** `seq` numbers a renderer's events in order; the renderer acknowledges each once applied. */
export const EventEnvelopeSchema = z.object({
  seq: z.number().int().positive(),
  event: z.string(),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

export const AcknowledgementSchema = z.number().int().positive();

/** What a WebSocket client may send: a call, or an acknowledgement of the events it has applied. */
export const ClientMessageSchema = z.discriminatedUnion('kind', [
  RequestEnvelopeSchema.extend({ kind: z.literal('request') }),
  z.object({ kind: z.literal('ack'), seq: AcknowledgementSchema }),
]);
/** What the web host sends back. */
export const ServerMessageSchema = z.discriminatedUnion('kind', [
  ResponseEnvelopeSchema.extend({ kind: z.literal('response') }),
  EventEnvelopeSchema.extend({ kind: z.literal('event') }),
]);
