import { Kafka, logLevel, Partitioners } from 'kafkajs';

/** One fix of a scripted stream: who, of which CoT type, and when, in seconds from the stream's start. */
export interface ScriptedFix {
  readonly uid: string;
  readonly type: string;
  readonly second: number;
}

/** Fixes of one entity every `every` seconds from `from` to `to`, both included. */
export function fixesOf(uid: string, type: string, from: number, to: number, every = 10): ScriptedFix[] {
  return Array.from({ length: Math.floor((to - from) / every) + 1 }, (_, step) => ({ uid, type, second: from + step * every }));
}

/** Interleaves entities' fixes in time order, as a gateway relays them; equal times keep the order given. */
export function inTimeOrder(...entities: readonly (readonly ScriptedFix[])[]): ScriptedFix[] {
  return entities.flat().map((fix, index) => ({ fix, index })).sort((a, b) => a.fix.second - b.fix.second || a.index - b.index).map(({ fix }) => fix);
}

/** The JSON position the `json` format reads by default, with a remark heavy enough that dropping `raw` shows. */
export function jsonPositionOf(fix: ScriptedFix, start: number): string {
  return JSON.stringify({
    id: fix.uid,
    callsign: fix.uid.toUpperCase(),
    type: fix.type,
    lat: 40 + fix.second * 1e-4,
    lon: 8 + fix.second * 1e-4,
    course: 90,
    speed: 5,
    time: start + fix.second * 1_000,
    remarks: 'position relayed by the edge gateway from the field exercise',
  });
}

/** Produces the fixes to the edge topic in the order given, keyed by entity so each entity's fixes stay in order on one partition. */
export async function produceFixes(brokers: string[], topic: string, fixes: readonly ScriptedFix[], start: number): Promise<void> {
  const producer = new Kafka({ clientId: 'edge-gateway', brokers, logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: fixes.map((fix) => ({ key: fix.uid, value: jsonPositionOf(fix, start) })) });
  } finally {
    await producer.disconnect();
  }
}
