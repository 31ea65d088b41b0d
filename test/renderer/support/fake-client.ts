import type { EventName, EventPayload } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';
import { createClient, type Client } from '../../../renderer/client';

export interface SentCall {
  readonly method: string;
  readonly args: unknown;
}

export interface FakeClient {
  readonly client: Client;
  /** Every call the renderer made, in order. */
  readonly sent: SentCall[];
  /** The arguments of every call to one method. */
  calls(method: string): unknown[];
  /** Sends an event from the core, as the host would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * A real client over a fake host, so answers and events are parsed against the contract as in the
 * app. `answer` gives the core's answer to a call, or undefined for a call the test does not expect.
 */
export function fakeClient(answer: (method: string, args: unknown) => Result<unknown> | undefined): FakeClient {
  const sent: SentCall[] = [];
  let deliver: (message: unknown) => void = () => undefined;
  let seq = 0;
  const client = createClient(
    {
      call: async (method, args) => {
        sent.push({ method, args });
        return answer(method, args) ?? fail('failed', `This test does not answer ${method}.`);
      },
      onEvent: (listener) => {
        deliver = listener;
        return () => undefined;
      },
      acknowledge: () => undefined,
    },
    (message) => {
      throw new Error(message);
    },
  );
  return {
    client,
    sent,
    calls: (method) => sent.filter((call) => call.method === method).map((call) => call.args),
    emit: (event, payload) => {
      seq += 1;
      deliver({ seq, event, payload });
    },
  };
}
