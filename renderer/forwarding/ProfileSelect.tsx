import type { Profile } from '../../shared/connections';
import { FormField } from '../connections/FormField';

interface ProfileSelectProps {
  /** The select's id and test id. */
  readonly id: string;
  readonly label: string;
  readonly error?: string | undefined;
  /** From profiles.list; null until it has answered. */
  readonly profiles: readonly Profile[] | null;
  readonly value: string;
  readonly onChange: (profileId: string) => void;
}

/** A connection profile, by name; a saved rule's profile that has since been deleted stays on offer, named by its id. */
export function ProfileSelect({ id, label, error, profiles, value, onChange }: ProfileSelectProps) {
  const deleted = profiles !== null && value !== '' && !profiles.some((profile) => profile.id === value);
  return (
    <FormField id={id} label={label} error={error}>
      {(control) => (
        <select {...control} data-testid={id} value={value} disabled={profiles === null} onChange={(event) => onChange(event.target.value)}>
          {(profiles ?? []).map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
          {deleted ? <option value={value}>{value} (profile deleted)</option> : null}
        </select>
      )}
    </FormField>
  );
}

/** The profile the form means: the one chosen while it exists, else the saved rule's even if deleted, else the first. */
export function chosenProfile(chosen: string, saved: string | null, profiles: readonly Profile[] | null): string {
  if (profiles?.some((profile) => profile.id === chosen) === true) return chosen;
  if (saved !== null && chosen === saved) return saved;
  return profiles?.[0]?.id ?? '';
}
