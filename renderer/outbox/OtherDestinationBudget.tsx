import { useState } from 'react';
import { TopicNameSchema, type Profile } from '../../shared/connections';
import { FormField } from '../connections/FormField';
import { issueSentence } from '../connections/issue-sentence';
import { BudgetEditor } from './BudgetEditor';
import { DEFAULT_TOPIC } from './compose-form-model';

interface OtherDestinationBudgetProps {
  /** From profiles.list, with at least one profile. */
  readonly profiles: readonly Profile[];
  readonly onSetBudget: (profileId: string, topic: string, bytesPerSecond: number | null) => Promise<string | null>;
}

/** A budget set before anything is queued, so the first messages to a slow link already keep to it. */
export function OtherDestinationBudget({ profiles, onSetBudget }: OtherDestinationBudgetProps) {
  const [chosenProfileId, setChosenProfileId] = useState('');
  const [topic, setTopic] = useState(DEFAULT_TOPIC);
  const [topicProblem, setTopicProblem] = useState<string | undefined>(undefined);
  const [saves, setSaves] = useState(0);
  // Until the analyst picks one, and whenever the picked one is deleted, the first profile is the destination.
  const profileId = profiles.some((profile) => profile.id === chosenProfileId) ? chosenProfileId : (profiles[0]?.id ?? '');

  const save = async (bytesPerSecond: number | null): Promise<string | null> => {
    const topicName = TopicNameSchema.safeParse(topic.trim());
    if (!topicName.success) {
      const [issue] = topicName.error.issues;
      setTopicProblem(issue === undefined ? 'Enter a topic name.' : issueSentence(issue, { noun: 'a topic name', label: 'The topic name' }));
      return null;
    }
    const refusal = await onSetBudget(profileId, topicName.data, bytesPerSecond);
    // A new editor clears the rate just saved; the destination now has its own row.
    if (refusal === null) setSaves((count) => count + 1);
    return refusal;
  };

  return (
    <details className="destination-other" data-testid="destination-other">
      <summary>Set a budget for another destination</summary>
      <BudgetEditor key={saves} budget={null} onSave={save}>
        <div className="form-row">
          <FormField id="destination-other-profile" label="Profile">
            {(control) => (
              <select {...control} data-testid="destination-other-profile" value={profileId} onChange={(event) => setChosenProfileId(event.target.value)}>
                {profiles.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="destination-other-topic" label="Topic" error={topicProblem}>
            {(control) => (
              <input
                {...control}
                data-testid="destination-other-topic"
                autoComplete="off"
                spellCheck={false}
                value={topic}
                onChange={(event) => {
                  setTopic(event.target.value);
                  setTopicProblem(undefined);
                }}
              />
            )}
          </FormField>
        </div>
      </BudgetEditor>
    </details>
  );
}
