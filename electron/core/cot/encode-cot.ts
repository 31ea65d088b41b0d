import { COT_UNKNOWN, type CotEvent } from './cot-event';

const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

/** One event as a document of its own, as a feed sends it. */
export function encodeCot(event: CotEvent): string {
  return XML_DECLARATION + cotEventXml(event);
}

/** The `<event>` element alone, for a file that holds many events under one declaration. */
export function cotEventXml(event: CotEvent): string {
  const detail: string[] = [];
  if (event.callsign !== null) detail.push(`<contact callsign="${escapeXml(event.callsign)}"/>`);
  if (event.course !== null || event.speed !== null) {
    detail.push(`<track course="${formatNumber(event.course ?? 0)}" speed="${formatNumber(event.speed ?? 0)}"/>`);
  }
  if (event.remarks !== null) detail.push(`<remarks>${escapeXml(event.remarks)}</remarks>`);
  return (
    `<event version="2.0" uid="${escapeXml(event.uid)}" type="${escapeXml(event.type)}" how="${escapeXml(event.how)}"` +
    ` time="${isoTime(event.time)}" start="${isoTime(event.start)}" stale="${isoTime(event.stale)}">` +
    `<point lat="${formatNumber(event.lat, 7)}" lon="${formatNumber(event.lon, 7)}"` +
    ` hae="${formatNumber(event.hae ?? COT_UNKNOWN)}" ce="${formatNumber(event.ce ?? COT_UNKNOWN)}" le="${formatNumber(event.le ?? COT_UNKNOWN)}"/>` +
    `<detail>${detail.join('')}</detail>` +
    `</event>`
  );
}

function isoTime(epochMillis: number): string {
  return new Date(epochMillis).toISOString();
}

function formatNumber(value: number, decimals = 1): string {
  return Number(value.toFixed(decimals)).toString();
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
