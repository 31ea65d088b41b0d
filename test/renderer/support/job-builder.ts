import type { Job } from '../../../shared/jobs';

export const JOB_STARTED = Date.UTC(2026, 10, 26, 8, 0, 0);

export function aJob(overrides: Partial<Job> = {}): Job {
  return {
    id: '3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0',
    kind: 'export',
    label: 'Export GeoJSON, 06:00–07:00Z',
    state: 'running',
    done: 0,
    total: 1_000,
    startedAt: JOB_STARTED,
    finishedAt: null,
    message: null,
    file: null,
    ...overrides,
  };
}
