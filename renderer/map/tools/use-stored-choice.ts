import { useCallback, useState } from 'react';

/** A remembered value that is not one of the choices (stale, hand-edited, unreadable) gives the fallback. */
export function readStoredChoice<Choice extends string>(storage: Storage | null, key: string, choices: readonly Choice[], fallback: Choice): Choice {
  try {
    const stored = storage?.getItem(key);
    return choices.find((choice) => choice === stored) ?? fallback;
  } catch {
    return fallback;
  }
}

export function writeStoredChoice(storage: Storage | null, key: string, choice: string): void {
  try {
    storage?.setItem(key, choice);
  } catch {
    // Storage that is full or switched off only costs remembering the choice next time.
  }
}

/** A choice between a few named options that survives a restart, kept in localStorage under `key`. */
export function useStoredChoice<Choice extends string>(key: string, choices: readonly Choice[], fallback: Choice): [Choice, (choice: Choice) => void] {
  const [choice, setChoice] = useState(() => readStoredChoice(browserStorage(), key, choices, fallback));
  const choose = useCallback(
    (next: Choice) => {
      setChoice(next);
      writeStoredChoice(browserStorage(), key, next);
    },
    [key],
  );
  return [choice, choose];
}

/** Merely reading window.localStorage throws where the browser denies storage to the page. */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
