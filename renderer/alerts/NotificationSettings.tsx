import { useState } from 'react';
import { playAlertTone } from './alert-tone';
import { notificationAccess, requestNotificationAccess, type NotificationAccess } from './desktop-notifications';

interface NotificationSettingsProps {
  readonly sound: boolean;
  readonly onSoundChange: (on: boolean) => void;
}

const ACCESS_SENTENCES: Readonly<Record<NotificationAccess, string>> = {
  default: 'Desktop notifications for critical alerts are off.',
  granted: 'Desktop notifications for critical alerts are on.',
  denied: 'Desktop notifications are blocked for Outpost. Allow them in the browser’s site settings, then reload the page.',
  unsupported: 'This browser cannot show desktop notifications.',
};

/** How a critical alert reaches an analyst looking elsewhere: a desktop notification, a tone, or both. */
export function NotificationSettings({ sound, onSoundChange }: NotificationSettingsProps) {
  const [access, setAccess] = useState(notificationAccess);
  const [asking, setAsking] = useState(false);

  // Asked only from this click: browsers refuse, or count against the page, a request made unprompted.
  const allow = async (): Promise<void> => {
    setAsking(true);
    setAccess(await requestNotificationAccess());
    setAsking(false);
  };

  const changeSound = (on: boolean): void => {
    onSoundChange(on);
    // Plays it now so the analyst knows what to listen for, and so the browser lets it play later.
    if (on) playAlertTone();
  };

  return (
    <div className="alert-signals" role="group" aria-label="Signals for critical alerts">
      <p className="alert-signal-line">
        <span data-testid="notification-access" data-access={access}>
          {ACCESS_SENTENCES[access]}
        </span>
        {access === 'default' ? (
          <button type="button" data-testid="notification-allow" disabled={asking} onClick={() => void allow()}>
            Allow
          </button>
        ) : null}
      </p>
      <label className="switch">
        <input type="checkbox" data-testid="alert-sound" checked={sound} onChange={(event) => changeSound(event.target.checked)} />
        Sound a tone for critical alerts
      </label>
    </div>
  );
}
