import type { DecodeResult, Decoder } from '../../../../electron/core/ingest/decoded-entity';
import { seeded } from '../../../support/seeded';

/**
 * Half purely random buffers, half valid samples with a few bytes changed, cut short or
 * repeated, since a decoder's deep paths are only reached by input that is nearly right.
 */
export function fuzzInputs(seed: number, samples: readonly Uint8Array[], count = 2_000): Uint8Array[] {
  const random = seeded(seed);
  const below = (limit: number): number => Math.floor(random() * limit);
  const inputs: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const sample = samples[below(samples.length)] ?? new Uint8Array();
    if (index % 2 === 0 || sample.length === 0) {
      const bytes = Uint8Array.from({ length: below(300) }, () => below(256));
      if (bytes.length > 0 && random() < 0.5) bytes[0] = sample[0] ?? 0;
      inputs.push(bytes);
      continue;
    }
    const mutated = Uint8Array.from(sample);
    const changes = 1 + below(4);
    for (let change = 0; change < changes; change++) mutated[below(mutated.length)] = below(256);
    const shape = below(3);
    if (shape === 0) inputs.push(mutated);
    else if (shape === 1) inputs.push(mutated.subarray(0, below(mutated.length)));
    else inputs.push(Uint8Array.from([...mutated, ...mutated.subarray(below(mutated.length))]));
  }
  return inputs;
}

/** What is wrong with a result, if anything: a decoder may refuse, but never with nonsense. */
function problemsWith(result: DecodeResult): string[] {
  if (!result.ok) return /^[a-z]/.test(result.error) ? [] : [`error does not start lowercase: ${result.error}`];
  return result.entities.flatMap((entity) => {
    const problems: string[] = [];
    if (entity.uid === '') problems.push('empty uid');
    if (!(entity.lat >= -90 && entity.lat <= 90)) problems.push(`latitude ${entity.lat}`);
    if (!(entity.lon >= -180 && entity.lon <= 180)) problems.push(`longitude ${entity.lon}`);
    if (entity.time !== null && !(Number.isInteger(entity.time) && entity.time >= 0)) problems.push(`time ${entity.time}`);
    return problems;
  });
}

/** Runs every input through the decoder; returns the inputs that threw or yielded nonsense. */
export function fuzzFailures(decode: Decoder, inputs: readonly Uint8Array[]): string[] {
  return inputs.flatMap((input) => {
    const hex = Buffer.from(input).toString('hex').slice(0, 120);
    try {
      return problemsWith(decode(input)).map((problem) => `${problem} for ${hex}`);
    } catch (error) {
      return [`threw ${String(error)} for ${hex}`];
    }
  });
}
