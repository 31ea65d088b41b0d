import { useCallback } from 'react';
import { useStoredChoice } from '../map/tools/use-stored-choice';

export const ALERT_SOUND_STORAGE_KEY = 'outpost.alerts.sound';
const SOUND_CHOICES = ['on', 'off'] as const;

/** Whether critical alerts also sound a tone: off until the analyst turns it on, and remembered. */
export function useAlertSound(): [boolean, (on: boolean) => void] {
  const [choice, setChoice] = useStoredChoice(ALERT_SOUND_STORAGE_KEY, SOUND_CHOICES, 'off');
  const setSound = useCallback((on: boolean) => setChoice(on ? 'on' : 'off'), [setChoice]);
  return [choice === 'on', setSound];
}
