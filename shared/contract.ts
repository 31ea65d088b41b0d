import { z } from 'zod';
import { AppStatusSchema, ConnectionStatusSchema, TrackBatchSchema, TrackSchema } from './domain';

/**
 * The one definition of everything the renderer may ask of the core and
 * everything the core may tell it. Hosts, the dispatcher and the renderer's
 * client are all derived from these two maps.
 */
export const methods = {
  'app.status': {
    args: z.object({}).strict(),
    result: AppStatusSchema,
  },
  'tracks.list': {
    args: z
      .object({
        limit: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
    result: z.array(TrackSchema),
  },
  'connection.status': {
    args: z.object({}).strict(),
    result: ConnectionStatusSchema,
  },
} as const;

export const events = {
  /** Batched and coalesced per entity, so a burst of records becomes one update per entity. */
  'tracks.updated': TrackBatchSchema,
  'connection.changed': ConnectionStatusSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedMethodArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
