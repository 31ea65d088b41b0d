import { z } from 'zod';

/** The envelopes that carry the contract over a transport (IPC or WebSocket). */
export const CallSchema = z.object({
  method: z.string().max(100),
  args: z.unknown(),
});
export type Call = z.infer<typeof CallSchema>;

export const RequestEnvelopeSchema = CallSchema.extend({ id: z.number().int().nonnegative() });
export type RequestEnvelope = z.infer<typeof RequestEnvelopeSchema>;

const UserErrorSchema = z.object({
  code: z.enum(['bad-request', 'unknown-method', 'bad-arguments', 'failed']),
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

export const EventEnvelopeSchema = z.object({
  event: z.string(),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** What a WebSocket client may send: a call, and nothing else. */
export const ClientMessageSchema = RequestEnvelopeSchema.extend({ kind: z.literal('request') });
/** What the web host sends back. */
export const ServerMessageSchema = z.discriminatedUnion('kind', [
  ResponseEnvelopeSchema.extend({ kind: z.literal('response') }),
  EventEnvelopeSchema.extend({ kind: z.literal('event') }),
]);
