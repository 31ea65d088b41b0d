import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from '../../shared/session';

export interface NewPassphraseProblems {
  readonly passphrase?: string | undefined;
  readonly confirmation?: string | undefined;
}

export const NEW_PASSPHRASE_HINT = `At least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

/** Checks a new passphrase and its second typing before anything is sent, as the core would refuse them. */
export function checkNewPassphrase(passphrase: string, confirmation: string): NewPassphraseProblems {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { passphrase: `Use at least ${MIN_PASSPHRASE_LENGTH} characters; this one has ${passphrase.length}.` };
  }
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) return { passphrase: `Use at most ${MAX_PASSPHRASE_LENGTH} characters.` };
  if (confirmation !== passphrase) return { confirmation: 'The two passphrases differ. Type the same passphrase in both fields.' };
  return {};
}

export function hasProblem(problems: NewPassphraseProblems): boolean {
  return problems.passphrase !== undefined || problems.confirmation !== undefined;
}
