import type { Result } from '../../shared/result';
import type { SessionState } from '../../shared/session';
import type { OutcomeSentence } from './Outcome';

/** How the last rotation of the cache key ended, kept by the gate because the app is closed while it runs. */
export type RekeyReport = OutcomeSentence;

/** What the unlocked app may do with its session. */
export interface SessionControls {
  readonly state: SessionState;
  /** Locks at once; answers the sentence to show when the core could not. */
  readonly lock: () => Promise<string | null>;
  /** Takes the state a session call answered with, so the screen follows without waiting for the event. */
  readonly adopt: (state: SessionState) => void;
  readonly rekey: (passphrase: string) => Promise<Result<SessionState>>;
  readonly rekeyReport: RekeyReport | null;
}
