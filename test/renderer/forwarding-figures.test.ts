import { describe, expect, it } from 'vitest';
import { describeBytes, describeDecimation, describeDryRun, describeQueue, describeRecords } from '../../renderer/forwarding/forward-figures';
import { aForwardDryRun, aForwardRule } from '../builders/forward-rule-builder';

describe('Given the figures of a forwarding rule', () => {
  it('When 1.2 MB went out of 48 MB seen, Then it reads as the issue words it, saving rounded down', () => {
    const { stats } = aForwardRule({ stats: { recordsSeen: 48_210, recordsForwarded: 1_610, bytesSeen: 48_000_000, bytesSent: 1_200_000 } });

    expect(describeRecords(stats)).toBe('seen 48,210 records, forwarded 1,610');
    expect(describeBytes(stats)).toBe('sent 1.2 MB of 48 MB seen, 97% saved');
  });

  it('When nothing has been seen yet, Then no saving is claimed and nothing is divided by zero', () => {
    expect(describeBytes(aForwardRule().stats)).toBe('sent 0 B, nothing seen yet');
  });

  it('When a round share was sent, Then the saving is not floored one point low by a binary fraction', () => {
    expect(describeBytes(aForwardRule({ stats: { bytesSeen: 100, bytesSent: 7 } }).stats)).toBe('sent 7 B of 100 B seen, 93% saved');
  });

  it('When compression overhead made the wire cost more than was seen, Then it says nothing was saved', () => {
    expect(describeBytes(aForwardRule({ stats: { bytesSeen: 100, bytesSent: 120 } }).stats)).toBe('sent 120 B of 100 B seen, nothing saved');
  });

  it('When positions wait, Then the queue says how many and how long, or that the time is unknown', () => {
    expect(describeQueue(aForwardRule({ stats: { queued: 12, drainSeconds: 180 } }).stats)).toBe('12 queued, about 3 min to drain');
    expect(describeQueue(aForwardRule({ stats: { queued: 12, drainSeconds: null } }).stats)).toBe('12 queued, time to drain unknown');
    expect(describeQueue(aForwardRule({ stats: { queued: 0, drainSeconds: null } }).stats)).toBe('nothing queued');
  });

  it('When decimation is set or not, Then it reads as one per entity or every position', () => {
    expect(describeDecimation(30)).toBe('one per entity every 30 s');
    expect(describeDecimation(null)).toBe('every position');
  });

  it('When a dry run found positions to send, Then the summary gives records, bytes and the saving', () => {
    const result = aForwardDryRun({ hours: 24, recordsSeen: 48_210, recordsForwarded: 1_610, bytesSeen: 48_000_000, wireBytes: 900_000 });

    expect(describeDryRun(result)).toBe('Over the last 24 h: 48,210 records seen, 1,610 would be sent; 48 MB seen, 900 KB on the wire (98% saved).');
  });
});
