import {
  callableMethods,
  events,
  isEventName,
  type CallableMethodName,
  type EventName,
  type EventPayload,
  type MethodArgs,
  type MethodResult,
} from '../shared/contract';
import { describeIssues } from '../shared/describe-issues';
import { fail, ok, type Result } from '../shared/result';
import { EventEnvelopeSchema, ResultSchema } from '../shared/wire';
import type { Transport } from './transport/transport';

/** The renderer's typed view of the contract. Everything from the core is parsed before use. */
export interface Client {
  call<M extends CallableMethodName>(method: M, args: MethodArgs<M>): Promise<Result<MethodResult<M>>>;
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport, onProtocolError: (message: string) => void): Client {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();

  transport.onEvent((message) => {
    const envelope = EventEnvelopeSchema.safeParse(message);
    if (!envelope.success) {
      onProtocolError('The core sent an event Outpost cannot read.');
      return;
    }
    // Acknowledged whatever becomes of it, so one bad event cannot stall the stream.
    try {
      deliver(envelope.data.event, envelope.data.payload);
    } finally {
      transport.acknowledge(envelope.data.seq);
    }
  });

  function deliver(name: string, rawPayload: unknown): void {
    if (!isEventName(name)) {
      onProtocolError('The core sent an event Outpost does not know.');
      return;
    }
    const payload = events[name].safeParse(rawPayload);
    if (!payload.success) {
      onProtocolError(`The core sent a malformed ${name} event: ${describeIssues(payload.error)}.`);
      return;
    }
    for (const handler of handlers.get(name) ?? []) handler(payload.data);
  }

  return {
    async call(method, args) {
      const raw = ResultSchema.safeParse(await transport.call(method, args));
      if (!raw.success) return fail('failed', `The core's answer to ${method} was not readable.`);
      if (!raw.data.ok) return raw.data;
      const value = callableMethods[method].result.safeParse(raw.data.value);
      if (!value.success) return fail('failed', `The core's answer to ${method} was malformed: ${describeIssues(value.error)}.`);
      return ok(value.data as MethodResult<typeof method>);
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      const untyped = handler as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };
}
