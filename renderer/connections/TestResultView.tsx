import type { ConnectionTestResult } from '../../shared/connections';

type FailureStage = NonNullable<ConnectionTestResult['stage']>;

/** Names the step that failed, so the analyst knows whether to check the address, certificates or credentials. */
const STAGE_LABELS: Readonly<Record<FailureStage, string>> = {
  unreachable: 'Broker unreachable',
  tls: 'TLS handshake failed',
  authentication: 'Login refused',
  authorisation: 'Not authorised',
  other: 'Test failed',
};

interface TestResultViewProps {
  readonly profileId: string;
  readonly result: ConnectionTestResult;
  readonly onPickTopic: (topic: string) => void;
}

export function TestResultView({ profileId, result, onPickTopic }: TestResultViewProps) {
  return (
    <div className={result.ok ? 'test-result test-ok' : 'test-result test-failed'} data-testid={`test-result-${profileId}`} role="status">
      <p className="test-message">
        {result.ok ? null : <strong>{STAGE_LABELS[result.stage ?? 'other']}: </strong>}
        {result.message}
      </p>
      {result.topics.length === 0 ? null : (
        <>
          <p className="field-hint">Choose a topic to subscribe to it:</p>
          <ul className="topic-chips">
            {result.topics.map((topic) => (
              <li key={topic}>
                <button type="button" data-testid={`test-topic-${profileId}-${topic}`} onClick={() => onPickTopic(topic)}>
                  {topic}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
