import { useCallback, useEffect, useState } from 'react';
import type { CacheStats } from '../../shared/cache';
import type { Job } from '../../shared/jobs';
import type { Client } from '../client';
import { useMayCall } from '../security/role-context';
import { JobProgress } from '../transfer/JobProgress';
import { latestOf } from '../transfer/use-jobs';
import { CacheStatsTable } from './CacheStatsTable';
import { PinsSection } from './PinsSection';
import { RetentionEditor } from './RetentionEditor';
import './cache.css';

interface CachePanelProps {
  readonly client: Client;
  readonly jobs: readonly Job[];
  /** Read again each time the tab is opened, since the cache grows all the while. */
  readonly active: boolean;
  readonly reviewTime: number | null;
}

const noDownload = (): null => null;

/** The cache's size per source and topic, retention, pinned windows and compaction. */
export function CachePanel({ client, jobs, active, reviewTime }: CachePanelProps) {
  const [stats, setStats] = useState<CacheStats | null>(null);
  const [compaction, setCompaction] = useState<Job | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const mayCompact = useMayCall('cache.compact');
  const job = latestOf(jobs, compaction);
  const jobState = job?.state ?? null;

  const readStats = useCallback(() => {
    void client.call('cache.stats', {}).then((answer) => (answer.ok ? setStats(answer.value) : setProblem(answer.error.message)));
  }, [client]);
  useEffect(() => {
    if (active && jobState !== 'running') readStats();
  }, [active, jobState, readStats]);

  const compact = (): void => {
    void client.call('cache.compact', {}).then((answer) => {
      if (!answer.ok) return setProblem(answer.error.message);
      setProblem(null);
      setCompaction(answer.value);
    });
  };

  return (
    <div className="cache-panel">
      <h2>Size</h2>
      {stats === null ? null : <CacheStatsTable stats={stats} />}
      {mayCompact ? (
        <button type="button" data-testid="cache-compact" disabled={jobState === 'running'} onClick={compact}>
          Compact
        </button>
      ) : null}
      {job === null ? null : <JobProgress client={client} job={job} downloadUrl={noDownload} />}
      {problem === null ? null : (
        <p className="form-problem" role="alert" data-testid="cache-problem">
          {problem}
        </p>
      )}
      <h2>Retention</h2>
      <RetentionEditor client={client} />
      <h2>Pinned windows</h2>
      <PinsSection client={client} reviewTime={reviewTime} />
    </div>
  );
}
