import { COT_UNKNOWN, type CotEvent } from './cot-event';

export function encodeCot(event: CotEvent): string {
  const detail: string[] = [];
  if (event.callsign !== null) detail.push(`<contact callsign="${escapeXml(event.callsign)}"/>`);
  if (event.course !== null || event.speed !== null) {
    detail.push(`<track course="${formatNumber(event.course ?? 0)}" speed="${formatNumber(event.speed ?? 0)}"/>`);
  }
  if (event.remarks !== null) detail.push(`<remarks>${escapeXml(event.remarks)}</remarks>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
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

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
