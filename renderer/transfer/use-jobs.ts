import { useEffect, useState } from 'react';
import type { Job } from '../../shared/jobs';
import type { Client } from '../client';

/** The core's recent jobs: read once, then kept by the jobs.changed event, which carries them all. */
export function useJobs(client: Client): readonly Job[] {
  const [jobs, setJobs] = useState<readonly Job[]>([]);
  useEffect(() => {
    let heardEvent = false;
    const stop = client.on('jobs.changed', (next) => {
      heardEvent = true;
      setJobs(next);
    });
    void client.call('jobs.list', {}).then((answer) => {
      if (answer.ok && !heardEvent) setJobs(answer.value);
    });
    return stop;
  }, [client]);
  return jobs;
}

/** The newest word on a job this panel started: from the list once it has it, else as it was started. */
export function latestOf(jobs: readonly Job[], started: Job | null): Job | null {
  if (started === null) return null;
  return jobs.find((job) => job.id === started.id) ?? started;
}
