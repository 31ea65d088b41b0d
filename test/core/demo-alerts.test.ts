import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertCounts } from '../../shared/alerts';
import { OutpostConfigSchema } from '../../shared/config';
import type { Rule, RuleInput, RuleTestResult } from '../../shared/rules';
import { createCore, type Core } from '../../electron/core';
import { SCRIPTED } from '../../electron/core/demo/scenario';
import { playDemo } from '../support/demo-play';
import { sourceIngestWorker } from '../support/ingest-worker';
import { manualClock, type ManualClock } from '../support/manual-clock';
import { memorySecrets } from '../support/memory-secrets';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

/** Past the last scripted oddity (the silent unit goes stale 60 s after its last report at 120 s) with room to tick. */
const DEMO_SECONDS = 190;
/** The scripted units and a few ordinary ones: the oddities are the same, and three minutes play in seconds. */
const DEMO_UNITS = 12;

async function call<T>(core: Core, method: string, args: unknown = {}): Promise<T> {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

describe('Given the demo feed played for three minutes with the rules a new cache starts with, and the demo\'s restricted area', () => {
  const dir = makeTempDir();
  const secrets = memorySecrets();
  let clock: ManualClock;
  let core: Core;
  let alerts: Alert[] = [];
  const raisedEvents: Alert[] = [];
  let acknowledged: Alert;
  let afterRestart: Alert[] = [];
  let countsAfterRestart: AlertCounts;
  let movementTest: RuleTestResult;
  let recordsCached = 0;

  const start = (): Promise<Core> =>
    createCore({ dataDir: dir.path, config: OutpostConfigSchema.parse({ demo: { units: DEMO_UNITS } }), secrets, clock, log: recordingLog(), ingestWorker: sourceIngestWorker, operator: 'cpl.hicks' });

  beforeAll(async () => {
    clock = manualClock();
    core = await start();
    core.subscribe((event, payload) => {
      if (event === 'alerts.raised') raisedEvents.push(...(payload as Alert[]));
    });
    await playDemo(core, clock, DEMO_SECONDS, DEMO_UNITS);
    alerts = await waitFor(() => call<Alert[]>(core, 'alerts.list'), (list) => list.length >= 3, 10_000, 20);
    const rules = await call<Rule[]>(core, 'rules.list');
    const asInput = ({ id, name, severity, enabled, filter, definition }: Rule): RuleInput => ({ id, name, severity, enabled, filter, definition });
    const movement = rules.find((rule) => rule.id === 'impossible-movement');
    if (movement === undefined) throw new Error('The impossible-movement rule is missing.');
    movementTest = await call<RuleTestResult>(core, 'rules.testAgainstCache', { rule: asInput(movement), hours: 1 });
    recordsCached = (await call<{ recordCount: number }>(core, 'app.status')).recordCount;
    const jump = alerts.find((alert) => alert.subject === SCRIPTED.jumpUid);
    acknowledged = await call<Alert>(core, 'alerts.acknowledge', { id: jump?.id, note: 'Checking with the air picture.' });

    await core.close();
    core = await start();
    afterRestart = await call<Alert[]>(core, 'alerts.list');
    countsAfterRestart = await call<AlertCounts>(core, 'alerts.counts');
  }, 300_000);

  afterAll(async () => {
    await core?.close();
    dir.remove();
  }, 60_000);

  it('Then exactly the three scripted oddities raised alerts: the jump, the intruder and the silent unit', () => {
    const bySubject = Object.fromEntries(alerts.map((alert) => [alert.subject, alert.ruleId]));
    expect(bySubject).toEqual({
      [SCRIPTED.jumpUid]: 'impossible-movement',
      [SCRIPTED.intruderUid]: 'demo-restricted-area',
      [SCRIPTED.silentUid]: 'lost-track',
    });
  });

  it('Then each alert names the unit and says what happened, and was announced as it was raised', () => {
    const message = (uid: string): string | undefined => alerts.find((alert) => alert.subject === uid)?.message;
    expect(message(SCRIPTED.jumpUid)).toMatch(/^RAPTOR 3 moved 5\d\.\d km in 1 s/);
    expect(message(SCRIPTED.intruderUid)).toMatch(/ entered RESTRICTED AREA BRAVO\.$/);
    expect(message(SCRIPTED.silentUid)).toBe('Lost track: WHISKEY 7 is past the stale time its last report gave; last seen here.');
    expect(raisedEvents.map((alert) => alert.id).sort()).toEqual(alerts.map((alert) => alert.id).sort());
  });

  it('When the movement rule is tested against the cache, Then it would have fired once, for the jump, over every cached record', () => {
    expect(movementTest).toMatchObject({ hours: 1, recordsRead: recordsCached, truncated: false, fired: 1, subjects: 1 });
    expect(movementTest.examples.map((example) => example.subject)).toEqual([SCRIPTED.jumpUid]);
  });

  it('When an alert is acknowledged and the core restarts, Then it is still acknowledged, by whom and with the note', () => {
    expect(acknowledged).toMatchObject({ state: 'acknowledged', acknowledged: { by: 'cpl.hicks', at: clock.now(), note: 'Checking with the air picture.' } });
    expect(afterRestart.find((alert) => alert.id === acknowledged.id)).toEqual(acknowledged);
    expect(countsAfterRestart).toEqual({ new: 2, acknowledged: 1, resolved: 0, newCritical: 1 });
  });
});
