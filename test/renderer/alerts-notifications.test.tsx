// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../shared/alerts';
import type { Client } from '../../renderer/client';
import { NotificationSettings } from '../../renderer/alerts/NotificationSettings';
import { ALERT_SOUND_STORAGE_KEY, useAlertSound } from '../../renderer/alerts/use-alert-sound';
import { useCriticalAlertSignals } from '../../renderer/alerts/use-critical-alert-signals';
import { anAlert } from './support/alert-builder';
import { aRootPerTest, byTestId, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';

interface ShownNotification {
  readonly title: string;
  readonly options: NotificationOptions | undefined;
  readonly notification: FakeNotification;
}

/** The browser's Notification, with the permission a test gives it and every notification it was asked to show. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static shown: ShownNotification[] = [];
  static requestPermission = vi.fn(async (): Promise<NotificationPermission> => 'granted');
  onclick: (() => void) | null = null;

  constructor(title: string, options?: NotificationOptions) {
    FakeNotification.shown.push({ title, options, notification: this });
  }
}

/** Enough of the Web Audio API to count the beeps the tone is made of. */
class FakeAudioContext {
  static beeps = 0;
  currentTime = 0;
  destination = {};
  resume = async (): Promise<void> => undefined;
  createOscillator() {
    FakeAudioContext.beeps += 1;
    return { frequency: { value: 0 }, connect: <T,>(next: T) => next, start: () => undefined, stop: () => undefined };
  }
  createGain() {
    return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: <T,>(next: T) => next };
  }
}

const CRITICAL = anAlert();
const WARNING = anAlert({ id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', severity: 'warning', ruleName: 'Gone quiet', message: 'WHISKEY 7 has sent nothing for 10 min.' });

function Signals({ client, sound, onShow }: { readonly client: Client; readonly sound: boolean; readonly onShow: (alert: Alert) => void }) {
  useCriticalAlertSignals(client, sound, onShow);
  return null;
}

/** The settings as the App wires them, with the sound choice remembered. */
function Settings() {
  const [sound, setSound] = useAlertSound();
  return <NotificationSettings sound={sound} onSoundChange={setSound} />;
}

beforeEach(() => {
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockClear();
  FakeAudioContext.beeps = 0;
  vi.stubGlobal('Notification', FakeNotification);
  vi.stubGlobal('AudioContext', FakeAudioContext);
  localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Given alerts raised while Outpost runs', () => {
  const root = aRootPerTest();

  it('When a critical and a warning alert are raised with notifications allowed, Then only the critical one notifies the desktop, tagged with its id', async () => {
    FakeNotification.permission = 'granted';
    const host = fakeClient(() => undefined);
    await settle(() => root.current.render(<Signals client={host.client} sound={false} onShow={() => undefined} />));

    await settle(() => host.emit('alerts.raised', [CRITICAL, WARNING]));

    expect(FakeNotification.shown.map(({ title, options }) => ({ title, options }))).toEqual([
      { title: 'Critical alert: Fast hostile aircraft', options: { body: CRITICAL.message, tag: CRITICAL.id } },
    ]);
  });

  it('When a burst of critical alerts is raised, Then one notification says how many, and a click shows the first', async () => {
    FakeNotification.permission = 'granted';
    const host = fakeClient(() => undefined);
    const shown: Alert[] = [];
    vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    await settle(() => root.current.render(<Signals client={host.client} sound={false} onShow={(alert) => shown.push(alert)} />));
    const burst = ['1', '2', '3', '4'].map((digit) => anAlert({ id: `${digit.repeat(8)}-1111-4111-8111-111111111111`, callsign: `KILO ${digit}`, message: `KILO ${digit} matches.` }));

    await settle(() => host.emit('alerts.raised', [...burst, WARNING]));
    await settle(() => FakeNotification.shown[0]?.notification.onclick?.());

    expect(FakeNotification.shown.map(({ title, options }) => ({ title, options }))).toEqual([
      { title: '4 critical alerts', options: { body: 'Fast hostile aircraft: KILO 1 matches. And 3 more; see the Alerts tab.', tag: burst[0]?.id } },
    ]);
    expect(shown).toEqual([burst[0]]);
  });

  it('When the notification is clicked, Then Outpost shows the alert', async () => {
    FakeNotification.permission = 'granted';
    const host = fakeClient(() => undefined);
    const shown: Alert[] = [];
    vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    await settle(() => root.current.render(<Signals client={host.client} sound={false} onShow={(alert) => shown.push(alert)} />));
    await settle(() => host.emit('alerts.raised', [CRITICAL]));

    await settle(() => FakeNotification.shown[0]?.notification.onclick?.());

    expect(shown).toEqual([CRITICAL]);
  });

  it.each(['default', 'denied'] as const)('When notifications are %s, Then a critical alert shows none', async (permission) => {
    FakeNotification.permission = permission;
    const host = fakeClient(() => undefined);
    await settle(() => root.current.render(<Signals client={host.client} sound={false} onShow={() => undefined} />));

    await settle(() => host.emit('alerts.raised', [CRITICAL]));

    expect(FakeNotification.shown).toEqual([]);
  });

  it('When only warnings are raised, Then there is neither a notification nor a tone', async () => {
    FakeNotification.permission = 'granted';
    const host = fakeClient(() => undefined);
    await settle(() => root.current.render(<Signals client={host.client} sound onShow={() => undefined} />));

    await settle(() => host.emit('alerts.raised', [WARNING]));

    expect(FakeNotification.shown).toEqual([]);
    expect(FakeAudioContext.beeps).toBe(0);
  });

  it('When the sound is on, Then a critical alert sounds the two-beep tone; when it is off, nothing sounds', async () => {
    const host = fakeClient(() => undefined);
    await settle(() => root.current.render(<Signals client={host.client} sound onShow={() => undefined} />));
    await settle(() => host.emit('alerts.raised', [CRITICAL]));
    expect(FakeAudioContext.beeps).toBe(2);

    await settle(() => root.current.render(<Signals client={host.client} sound={false} onShow={() => undefined} />));
    await settle(() => host.emit('alerts.raised', [CRITICAL]));
    expect(FakeAudioContext.beeps).toBe(2);
  });
});

describe('Given the signals for critical alerts in the Alerts tab', () => {
  const root = aRootPerTest();

  it('When the page loads, Then permission is not asked for; Allow asks once, and then notifications are on', async () => {
    await settle(() => root.current.render(<Settings />));
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    expect(byTestId('notification-access').textContent).toBe('Desktop notifications for critical alerts are off.');

    await settle(() => byTestId('notification-allow').click());

    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(byTestId('notification-access').textContent).toBe('Desktop notifications for critical alerts are on.');
    expect(has('notification-allow')).toBe(false);
  });

  it.each([
    ['has blocked them', 'Desktop notifications are blocked for Outpost. Allow them in the browser’s site settings, then reload the page.'],
    ['has none', 'This browser cannot show desktop notifications.'],
  ])('When the browser %s, Then it says so and what to do, with no Allow button', async (situation, sentence) => {
    if (situation === 'has none') vi.stubGlobal('Notification', undefined);
    else FakeNotification.permission = 'denied';
    await settle(() => root.current.render(<Settings />));

    expect(byTestId('notification-access').textContent).toBe(sentence);
    expect(has('notification-allow')).toBe(false);
  });

  it('When the sound is turned on, Then the tone plays once to hear it, and the choice is remembered for the next start', async () => {
    await settle(() => root.current.render(<Settings />));
    expect((byTestId('alert-sound') as HTMLInputElement).checked).toBe(false);

    await settle(() => byTestId('alert-sound').click());

    expect(FakeAudioContext.beeps).toBe(2);
    expect(localStorage.getItem(ALERT_SOUND_STORAGE_KEY)).toBe('on');
    await settle(() => root.current.render(<></>));
    await settle(() => root.current.render(<Settings />));
    expect((byTestId('alert-sound') as HTMLInputElement).checked).toBe(true);
  });
});
