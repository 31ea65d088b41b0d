import { useEffect, useRef } from 'react';
import type { Alert } from '../../shared/alerts';
import type { Client } from '../client';
import { playAlertTone } from './alert-tone';
import { notifyCriticalAlerts } from './desktop-notifications';

/** On every critical alert raised: a desktop notification where the analyst allowed them, and the tone if they chose it. */
export function useCriticalAlertSignals(client: Client, sound: boolean, onShow: (alert: Alert) => void): void {
  const latest = useRef({ sound, onShow });
  useEffect(() => {
    latest.current = { sound, onShow };
  }, [sound, onShow]);

  useEffect(
    () =>
      client.on('alerts.raised', (alerts) => {
        if (!alerts.some((alert) => alert.severity === 'critical')) return;
        notifyCriticalAlerts(alerts, (alert) => latest.current.onShow(alert));
        if (latest.current.sound) playAlertTone();
      }),
    [client],
  );
}
