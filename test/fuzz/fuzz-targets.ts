import { OutpostConfigSchema } from '../../shared/config';
import { methods, type MethodName } from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/result';
import { createCore } from '../../electron/core';
import { createDispatcher, type Dispatch, type Handlers } from '../../electron/core/dispatcher';
import type { DecodeResult, Decoder } from '../../electron/core/ingest/decoded-entity';
import { decoderFor } from '../../electron/core/ingest/decoders';
import { UserFacingError } from '../../electron/core/user-facing-error';
import { sourceIngestWorker } from '../support/ingest-worker';
import { manualClock } from '../support/manual-clock';
import { memorySecrets } from '../support/memory-secrets';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { MAX_MUTATED_BYTES, mutateBytes } from './byte-mutator';
import { aisSeeds, allSeeds, cotSeeds, geoJsonSeeds, jsonSeeds, takSeeds, textSeeds } from './decoder-seeds';
import type { Random } from './random';
import { hostileValue, mutateValue, valueFor } from './value-mutator';

/**
 * What the fuzzer runs. A target turns a generator into one input, then calls the code under
 * test and says what, if anything, is wrong with its answer; throwing counts as wrong too.
 */
export interface FuzzTarget {
  readonly name: string;
  /** Dispatch inputs cost more each (deep and wide values, a real cache behind), so a fixed budget takes fewer. */
  readonly kind: 'decoder' | 'dispatch';
  generate(random: Random): unknown;
  /** Null when the answer is one the caller can handle; otherwise what is wrong with it. */
  check(input: unknown): string | null | Promise<string | null>;
}

export interface FuzzTargets {
  readonly targets: readonly FuzzTarget[];
  close(): Promise<void>;
}

/**
 * Every decoder, the dispatcher over stand-in handlers, and a real core's read-only methods.
 * `maxInputBytes` bounds what a mutation may grow a record to: the record limit for a long run,
 * less for a quick one.
 */
export async function createFuzzTargets(maxInputBytes = MAX_MUTATED_BYTES): Promise<FuzzTargets> {
  const core = await createCoreTarget();
  const decoder = (name: string, decode: Decoder, seeds: readonly Uint8Array[]): FuzzTarget => decoderTarget(name, decode, seeds, maxInputBytes);
  return {
    targets: [
      decoder('decoder cot', decoderFor('cot'), cotSeeds),
      decoder('decoder tak-protobuf', decoderFor('tak-protobuf'), takSeeds),
      decoder('decoder json', decoderFor('json'), jsonSeeds),
      decoder('decoder json (mapped)', decoderFor('json', { lat: 'position.lat', lon: 'position.lon', id: 'tags.3.deep' }), jsonSeeds),
      decoder('decoder geojson', decoderFor('geojson'), geoJsonSeeds),
      decoder('decoder ais', decoderFor('ais'), aisSeeds),
      decoder('decoder text', decoderFor('text'), textSeeds),
      decoder('decoder auto', decoderFor('auto'), allSeeds),
      contractDispatcherTarget(),
      core.target,
    ],
    close: core.close,
  };
}

export function decoderTarget(name: string, decode: Decoder, seeds: readonly Uint8Array[], maxInputBytes: number): FuzzTarget {
  return {
    name,
    kind: 'decoder',
    generate: (random) => (random.below(10) === 0 ? randomBytes(random) : mutateBytes(seeds, random, maxInputBytes)),
    check: (input) => problemWithDecodeResult(decode(input as Uint8Array)),
  };
}

/** A decoder may refuse a record, but only with a reason, and never hand on an impossible position. */
export function problemWithDecodeResult(result: DecodeResult): string | null {
  if (!result.ok) return typeof result.error === 'string' && /^[a-z]/.test(result.error) ? null : `refused without a readable reason: ${String(result.error)}`;
  if (!Array.isArray(result.entities)) return 'answered ok without an entities array';
  for (const entity of result.entities) {
    if (typeof entity.uid !== 'string' || entity.uid === '') return `an entity has no uid: ${JSON.stringify(entity.uid)}`;
    if (!(entity.lat >= -90 && entity.lat <= 90)) return `entity ${entity.uid} has latitude ${entity.lat}`;
    if (!(entity.lon >= -180 && entity.lon <= 180)) return `entity ${entity.uid} has longitude ${entity.lon}`;
    if (entity.time !== null && !(Number.isSafeInteger(entity.time) && entity.time >= 0)) return `entity ${entity.uid} has time ${entity.time}`;
    for (const field of ['hae', 'course', 'speed', 'stale'] as const) {
      const value = entity[field];
      if (value !== null && !Number.isFinite(value)) return `entity ${entity.uid} has ${field} ${value}`;
    }
  }
  return null;
}

interface DispatchInput {
  readonly method: unknown;
  readonly args: unknown;
}

const allMethodNames = Object.keys(methods) as MethodName[];

const NEAR_MISS_METHOD_NAMES = ['', 'app.status ', 'APP.STATUS', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app', 'app.status.x'];

function dispatchInput(random: Random, methodNames: readonly MethodName[]): DispatchInput {
  const roll = random.below(20);
  if (roll === 0) return { method: hostileValue(random, 0), args: hostileValue(random, 0) };
  const method = roll === 1 ? random.pick(NEAR_MISS_METHOD_NAMES) : random.pick(methodNames);
  const schema = methods[method as MethodName]?.args;
  const wellFormed = schema === undefined ? {} : valueFor(schema, random);
  return { method, args: random.below(3) === 0 ? wellFormed : mutateValue(wellFormed, random) };
}

/** What is wrong with a dispatcher's answer, or null when it is a Result whose failure is a sentence. */
function problemWithAnswer(answer: Result<unknown>): string | null {
  if (typeof answer !== 'object' || answer === null) return `answered ${String(answer)} instead of a Result`;
  if (answer.ok) return null;
  const { code, message } = answer.error;
  if (!(ERROR_CODES as readonly string[]).includes(code)) return `failed with an unknown code ${String(code)}`;
  if (typeof message !== 'string' || !/^\S.*[.?]$/s.test(message)) return `failed without a sentence: ${String(message).slice(0, 300)}`;
  return null;
}

type Outcome = 'returns' | 'throws' | 'throws-user-facing' | 'throws-non-error' | 'rejects';
const OUTCOMES: readonly Outcome[] = ['returns', 'throws', 'throws-user-facing', 'throws-non-error', 'rejects'];

/**
 * The dispatcher over handlers that return or fail in every way a handler can, chosen per call,
 * so what is checked is the dispatcher's own promise: every call settles to a Result.
 */
function contractDispatcherTarget(): FuzzTarget {
  let outcome: Outcome = 'returns';
  const handler = (args: unknown): unknown => {
    switch (outcome) {
      case 'returns':
        return args;
      case 'throws':
        throw new Error('handler failed');
      case 'throws-user-facing':
        throw new UserFacingError('The handler refused. Try again.');
      case 'throws-non-error':
        // A handler may throw anything at all; the dispatcher must cope.
        throw { not: 'an error' };
      case 'rejects':
        return Promise.reject(new Error('handler rejected'));
    }
  };
  const handlers = Object.fromEntries(allMethodNames.map((name) => [name, handler])) as unknown as Handlers;
  const dispatch = createDispatcher(handlers, recordingLog());
  return {
    name: 'dispatcher (stand-in handlers)',
    kind: 'dispatch',
    generate: (random) => ({ ...dispatchInput(random, allMethodNames), outcome: random.pick(OUTCOMES) }),
    check: async (input) => {
      const { method, args, outcome: chosen } = input as DispatchInput & { outcome: Outcome };
      outcome = chosen;
      return problemWithAnswer(await dispatch(method, args));
    },
  };
}

/** Methods a real core answers from its cache alone: no files written, no brokers dialled. */
const READ_ONLY_METHODS: readonly MethodName[] = [
  'app.status', 'tracks.list', 'tracks.history', 'quarantine.list', 'connections.status', 'profiles.list', 'subscriptions.list',
  'outbox.list', 'outbox.counts', 'rules.list', 'rules.testAgainstCache', 'alerts.list', 'alerts.counts', 'review.range', 'review.frame',
  'review.window', 'review.trails', 'review.alertMarks', 'search.query', 'search.saved.list', 'export.policy', 'jobs.list', 'cache.stats',
  'cache.retention', 'cache.pins.list',
].filter((name): name is MethodName => Object.hasOwn(methods, name));

/**
 * A real core over a fresh data folder, with no brokers and a clock that never moves. Its
 * handlers must meet arguments that pass the contract without throwing anything but a
 * UserFacingError: anything else reaches the analyst as "see the log".
 */
async function createCoreTarget(): Promise<{ target: FuzzTarget; close(): Promise<void> }> {
  const dir = makeTempDir('outpost-fuzz-core-');
  const log = recordingLog();
  const core = await createCore({
    dataDir: dir.path,
    config: OutpostConfigSchema.parse({}),
    secrets: memorySecrets(),
    clock: manualClock(),
    log,
    ingestWorker: sourceIngestWorker,
  });
  const dispatch: Dispatch = core.dispatch;
  const target: FuzzTarget = {
    name: 'core dispatch (read-only methods)',
    kind: 'dispatch',
    generate: (random) => dispatchInput(random, READ_ONLY_METHODS),
    check: async (input) => {
      const { method, args } = input as DispatchInput;
      const loggedBefore = log.entries.length;
      const answer = await dispatch(method, args);
      const logged = log.entries.slice(loggedBefore).find((entry) => entry.level === 'error');
      if (logged !== undefined) return `a handler threw on arguments the contract let through: ${JSON.stringify(logged.fields).slice(0, 500)}`;
      return problemWithAnswer(answer);
    },
  };
  return {
    target,
    close: async () => {
      await core.close();
      dir.remove();
    },
  };
}

function randomBytes(random: Random): Uint8Array {
  const bytes = new Uint8Array(random.below(512));
  for (let index = 0; index < bytes.byteLength; index++) bytes[index] = random.below(256);
  return bytes;
}
