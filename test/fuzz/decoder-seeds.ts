import { encodeCot } from '../../electron/core/cot/encode-cot';
import { aivdmSentences, anAisPosition, positionReportBits, staticVoyageBits, tagBlock } from '../builders/aivdm-builder';
import { aCotEvent } from '../builders/cot-event-builder';
import { aJsonPosition } from '../builders/json-position-builder';
import { aTakEvent, meshFramed, streamFramed, takMessageBytes } from '../builders/tak-message-builder';

/** Valid records of each format, the starting points a mutation is nearly right from. */

const encoder = new TextEncoder();
const text = (value: string): Uint8Array => encoder.encode(value);

export const cotSeeds: readonly Uint8Array[] = [
  text(encodeCot(aCotEvent())),
  text(encodeCot(aCotEvent({ uid: 'x&amp;y', callsign: 'BRAVO <2>', remarks: 'fuel low; "heading" home &#x1F6F0;' }))),
  text(encodeCot(aCotEvent({ lat: -90, lon: 180, hae: 9_999_999, course: null, speed: null, callsign: null }))),
  text(`<?xml version="1.0" encoding="UTF-8"?>\n${encodeCot(aCotEvent({ type: 'a-h-A-M-F', remarks: 'x'.repeat(300) }))}`),
];

export const takSeeds: readonly Uint8Array[] = [
  streamFramed(takMessageBytes(aTakEvent())),
  meshFramed(takMessageBytes(aTakEvent({ callsign: null, course: null, speed: null }))),
  streamFramed(takMessageBytes(aTakEvent({ lat: -90, lon: -180, hae: 0, le: 0 }))),
];

export const jsonSeeds: readonly Uint8Array[] = [
  text(aJsonPosition(1)),
  text(aJsonPosition(2, { time: '2026-11-26T12:00:00Z', lat: '39.5', callsign: null })),
  text(aJsonPosition(3, { time: 1_795_000_000, position: { lat: 1, lon: 2 }, tags: [1, 'a', null, { deep: [true] }] })),
];

export const geoJsonSeeds: readonly Uint8Array[] = [
  text(JSON.stringify(pointFeature('g-1', [9.1, 39.2]))),
  text(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        pointFeature('g-2', [9.1, 39.2, 120]),
        { type: 'Feature', id: 'line', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: {} },
        pointFeature(7, [-180, -90]),
      ],
    }),
  ),
];

const aisLines = (lines: readonly string[]): Uint8Array => text(lines.join('\r\n'));

export const aisSeeds: readonly Uint8Array[] = [
  aisLines(aivdmSentences(positionReportBits(anAisPosition()))),
  aisLines(aivdmSentences(positionReportBits(anAisPosition({ type: 19, lat: 91, lon: 181, speedKnots: null, courseDegrees: null })))),
  aisLines(aivdmSentences(positionReportBits(anAisPosition({ type: 18 })))),
  aisLines(aivdmSentences(staticVoyageBits(247_320_162, 'IBCD', 'NIGHT HERON'), { sequentialId: '3' })),
  aisLines(aivdmSentences(positionReportBits(anAisPosition())).map((line) => `${tagBlock('s:base-1,c:1795000000')}${line}`)),
];

export const textSeeds: readonly Uint8Array[] = [text('free text report: convoy sighted near the ridge'), text('é'.repeat(3_000))];

export const allSeeds: readonly Uint8Array[] = [...cotSeeds, ...takSeeds, ...jsonSeeds, ...geoJsonSeeds, ...aisSeeds, ...textSeeds];

function pointFeature(id: string | number, coordinates: readonly number[]): object {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates },
    properties: { callsign: `CS ${id}`, type: 'a-f-G', time: '2026-11-26T12:00:00Z', course: 12, speed: 3 },
  };
}
