import type { Track } from '../../../shared/domain';
import type { ForwardDryRun, ForwardRuleInput } from '../../../shared/forwarding';
import { gzippedSize } from '../outbox/compressed-size';
import type { ForwardTables } from '../store/forward-tables';
import type { Store } from '../store/store';
import { decide, type EntityForwardState, type ForwardMessage } from './decimation';
import { forwardMessage } from './forward-payload';
import type { CompiledForwardSettings } from './compile-forward-settings';

const PAGE_RECORDS = 5_000;
const EXAMPLES = 20;
/** An example shows the start of a position; a raw record can be long. */
const EXAMPLE_CHARACTERS = 400;

/**
 * What a rule would send over the cache's last `hours`, judged as the forwarder judges, with
 * nothing written: every entity starts with nothing sent, and what decimation still holds at
 * the end goes too, as it would once the entity fell silent. Yields between pages, so the core
 * keeps serving while it reads.
 */
export async function dryRunForwardRule(options: {
  readonly store: Store;
  readonly tables: ForwardTables;
  readonly input: ForwardRuleInput;
  readonly settings: CompiledForwardSettings;
  readonly hours: number;
  readonly now: number;
  readonly marking: string;
}): Promise<ForwardDryRun> {
  const { store, tables, input, settings, hours, now } = options;
  const states = new Map<string, EntityForwardState>();
  const context = { ruleId: input.id, precedence: input.precedence, classification: options.marking, dropFields: new Set(input.dropFields), createdAt: now };
  const result = { hours, recordsRead: 0, recordsSeen: 0, recordsForwarded: 0, bytesSeen: 0, wireBytes: 0, examples: [] as string[] };
  const send = (messages: readonly ForwardMessage[]): void => {
    for (const message of messages) {
      result.recordsForwarded += 1;
      result.wireBytes += gzippedSize([message.payload]);
      if (result.examples.length < EXAMPLES) result.examples.push(new TextDecoder().decode(message.payload).slice(0, EXAMPLE_CHARACTERS));
    }
  };

  const first = store.firstRecordReceivedSince(now - hours * 3_600_000);
  const last = store.lastRecordId();
  let cursor = first === null ? null : first - 1;
  while (cursor !== null && last !== null && cursor < last) {
    const { records, lastLooked } = tables.recordsAfter(input.source.profileId, cursor, PAGE_RECORDS, !input.dropFields.includes('raw'));
    if (lastLooked === null) break;
    result.recordsRead += lastLooked - cursor;
    const wanted = records.filter((record) => settings.topicMatches(record.topic));
    const tracks: Map<number, Track[]> = wanted.length === 0 ? new Map() : tables.tracksByRecord(wanted[0]!.id - 1, wanted.at(-1)!.id);
    for (const record of wanted) {
      result.recordsSeen += 1;
      result.bytesSeen += record.bytes;
      for (const track of tracks.get(record.id) ?? []) {
        if (!settings.passes(track, now)) continue;
        const source = { profileId: input.source.profileId, topic: record.topic, partition: record.partition, offset: record.offset, value: record.value };
        const decision = decide(states.get(track.uid) ?? { lastSentTime: null, held: null }, forwardMessage(track, source, context), settings.intervalMs, now);
        send(decision.send);
        states.set(track.uid, decision.next);
      }
    }
    cursor = lastLooked;
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const state of states.values()) if (state.held !== null) send([state.held.message]);
  return result;
}
