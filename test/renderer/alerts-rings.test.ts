import { describe, expect, it } from 'vitest';
import { ALERT_RING_COLOURS, alertedUids, alertRingColour, alertRingFilter } from '../../renderer/map/alert-rings';
import { alertListArgs, DEFAULT_ALERT_FILTER, withSeverity } from '../../renderer/alerts/alert-filter';
import { anAlert } from './support/alert-builder';

describe('Given the open alerts, for ringing tracks on the map', () => {
  it('When an entity has both a critical and a warning alert, Then it is ringed once, in red', () => {
    const uids = alertedUids([
      anAlert({ subject: 'raptor', severity: 'warning' }),
      anAlert({ subject: 'raptor', severity: 'critical' }),
      anAlert({ subject: 'viper', severity: 'warning' }),
      anAlert({ subject: 'viper', severity: 'warning', state: 'acknowledged' }),
    ]);

    expect(uids).toEqual({ critical: ['raptor'], warning: ['viper'] });
  });

  it('When alerts are info, resolved, or about a subscription with no place, Then they ring nothing', () => {
    expect(
      alertedUids([
        anAlert({ subject: 'kilo', severity: 'info' }),
        anAlert({ subject: 'lima', state: 'resolved' }),
        anAlert({ subject: 'edge/cot', ruleKind: 'rate', lat: null, lon: null }),
      ]),
    ).toEqual({ critical: [], warning: [] });
  });

  it('Then the layer draws only unclustered tracks of those uids, red for critical and amber for the rest', () => {
    const uids = { critical: ['raptor'], warning: ['viper', 'kilo'] };

    expect(alertRingFilter(uids)).toEqual(['all', ['!', ['has', 'point_count']], ['match', ['get', 'uid'], ['raptor', 'viper', 'kilo'], true, false]]);
    expect(alertRingFilter({ critical: [], warning: [] })).toBe(false);
    expect(alertRingColour(uids)).toEqual(['match', ['get', 'uid'], ['raptor'], ALERT_RING_COLOURS.critical, ALERT_RING_COLOURS.warning]);
    expect(alertRingColour({ critical: [], warning: ['viper'] })).toBe(ALERT_RING_COLOURS.warning);
  });
});

describe('Given the alert list’s filter', () => {
  it('When it is as it starts, Then the open alerts of every severity are asked for', () => {
    expect(alertListArgs(DEFAULT_ALERT_FILTER, 200)).toEqual({ limit: 200, states: ['new', 'acknowledged'] });
  });

  it('When severities are unticked and ticked again, Then they keep their order, and none at all asks for nothing', () => {
    const criticalOnly = withSeverity(withSeverity(DEFAULT_ALERT_FILTER, 'warning', false), 'info', false);
    expect(alertListArgs({ ...criticalOnly, states: 'all' }, 50)).toEqual({ limit: 50, severities: ['critical'] });
    expect(withSeverity(withSeverity(criticalOnly, 'info', true), 'warning', true).severities).toEqual(['critical', 'warning', 'info']);
    expect(alertListArgs(withSeverity(criticalOnly, 'critical', false), 50)).toBeNull();
  });
});
