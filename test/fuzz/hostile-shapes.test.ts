import { describe, expect, it } from 'vitest';
import { RECORD_FORMATS } from '../../shared/formats';
import { decoderFor } from '../../electron/core/ingest/decoders';
import { problemWithDecodeResult } from './fuzz-targets';

/**
 * Shapes byte mutation almost never builds, because each needs thousands of matching edits:
 * balanced deep nesting, one element or key repeated tens of thousands of times.
 */
const hostileShapes: Readonly<Record<string, string>> = {
  'JSON arrays nested 100 000 deep': '['.repeat(100_000) + ']'.repeat(100_000),
  'JSON objects nested 50 000 deep': '{"lat":'.repeat(50_000) + '1' + '}'.repeat(50_000),
  'a GeoJSON geometry nested 50 000 deep': `{"type":"Feature","id":"f","geometry":${'{"type":'.repeat(50_000)}"Point"${'}'.repeat(50_000)}}`,
  'XML elements nested 20 000 deep': `<event>${'<detail>'.repeat(20_000)}${'</detail>'.repeat(20_000)}</event>`,
  'one XML attribute repeated 20 000 times': `<event uid="a" ${'uid="b" '.repeat(20_000)}/>`,
  'a CoT event with 10 000 points': `<event uid="x" type="a-f-G" time="2026-11-26T12:00:00Z">${'<point lat="1" lon="2"/>'.repeat(10_000)}</event>`,
  'a JSON object with 20 000 keys': `{${Array.from({ length: 20_000 }, (_, index) => `"k${index}":1`).join(',')},"id":"x","lat":1,"lon":2}`,
  'a JSON object that sets __proto__': '{"__proto__":{"lat":1,"lon":2,"id":"polluted"},"constructor":{"prototype":{"lat":3}}}',
  'a GeoJSON collection of 10 000 points': JSON.stringify({
    type: 'FeatureCollection',
    features: Array.from({ length: 10_000 }, (_, id) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} })),
  }),
  '10 000 AIS fragments that never complete': Array.from({ length: 10_000 }, (_, index) => `!AIVDM,9,${(index % 9) + 1},${index % 10},A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*00`).join('\n'),
  'an AIS payload of 200 000 characters': `!AIVDM,1,1,,A,${'w'.repeat(200_000)},0*00`,
};

const encoder = new TextEncoder();

describe('Given records shaped to exhaust a parser', () => {
  for (const format of RECORD_FORMATS) {
    const decode = decoderFor(format);
    it.each(Object.entries(hostileShapes))(`When ${format} decodes %s, Then it answers with a result or a reason, promptly`, (_, text) => {
      const started = performance.now();
      const result = decode(encoder.encode(text));
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(problemWithDecodeResult(result)).toBeNull();
      // A decoder that copied keys naively would have given every object a latitude.
      expect(Object.prototype).not.toHaveProperty('lat');
    });
  }
});
