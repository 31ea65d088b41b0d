import { randomUUID } from 'node:crypto';
import type { Job } from '../../../shared/jobs';
import type { Cancel, Clock } from '../ports';
import { UserFacingError } from '../user-facing-error';

/** Finished jobs beyond this many make way for new ones; running jobs always stay. */
export const KEPT_JOBS = 20;
/** `jobs.changed` goes out at most four times a second, however fast the jobs move. */
export const JOBS_CHANGED_EVERY_MS = 250;

/** What a job's work sees: where to report, and whether it has been asked to stop. */
export interface JobControl {
  readonly signal: AbortSignal;
  /** How far the work has come; `total` stays as it was when left out. */
  report(done: number, total?: number | null, message?: string | null): void;
}

export interface JobOutcome {
  readonly message: string | null;
  readonly file?: Job['file'];
}

export type JobWork = (control: JobControl) => Promise<JobOutcome>;

/** The work stopped because it was cancelled; the job ends as cancelled rather than failed. */
export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
}

export interface JobRegistry {
  /** Starts the work at once and returns its job, running. */
  start(kind: Job['kind'], label: string, work: JobWork): Job;
  /** Newest first. */
  list(): Job[];
  /** Asks a running job to stop between pages; a finished job is returned as it ended. */
  cancel(id: string): Job;
  /** Resolves with the job once its work has ended, however it ended. */
  settled(id: string): Promise<Job>;
}

interface Entry {
  job: Job;
  readonly controller: AbortController;
  readonly settled: Promise<Job>;
}

export function createJobRegistry(options: {
  readonly clock: Clock;
  readonly onChanged: (jobs: Job[]) => void;
  /** An unexpected failure, for the log: the analyst sees only that the details are there. */
  readonly onFailed: (job: Job, error: unknown) => void;
}): JobRegistry {
  const { clock } = options;
  const entries = new Map<string, Entry>();
  let lastEmit = Number.NEGATIVE_INFINITY;
  let pendingEmit: Cancel | null = null;

  const list = (): Job[] => [...entries.values()].map((entry) => entry.job).reverse();

  const emitNow = (): void => {
    pendingEmit = null;
    lastEmit = clock.now();
    options.onChanged(list());
  };
  const changed = (): void => {
    if (pendingEmit !== null) return;
    const wait = lastEmit + JOBS_CHANGED_EVERY_MS - clock.now();
    if (wait <= 0) emitNow();
    else pendingEmit = clock.after(wait, emitNow);
  };

  const update = (entry: Entry, change: Partial<Job>): void => {
    entry.job = { ...entry.job, ...change };
    changed();
  };

  const forgetOldFinished = (): void => {
    let excess = entries.size - KEPT_JOBS;
    for (const [id, entry] of entries) {
      if (excess <= 0) break;
      if (entry.job.state === 'running') continue;
      entries.delete(id);
      excess -= 1;
    }
  };

  const finish = (entry: Entry, change: Partial<Job>): Job => {
    if (entry.job.state === 'running') update(entry, { ...change, finishedAt: clock.now() });
    return entry.job;
  };

  const find = (id: string): Entry => {
    const entry = entries.get(id);
    if (entry === undefined) throw new UserFacingError('That job is no longer in the list of recent jobs; refresh the list and try again.');
    return entry;
  };

  return {
    start(kind, label, work) {
      const controller = new AbortController();
      const id = randomUUID();
      const job: Job = { id, kind, label, state: 'running', done: 0, total: null, startedAt: clock.now(), finishedAt: null, message: null, file: null };
      const control: JobControl = {
        signal: controller.signal,
        report(done, total, message) {
          const entry = entries.get(id);
          if (entry === undefined || entry.job.state !== 'running') return;
          update(entry, { done, ...(total === undefined ? {} : { total }), ...(message === undefined ? {} : { message }) });
        },
      };
      let settle: (job: Job) => void = () => undefined;
      const entry: Entry = { job, controller, settled: new Promise<Job>((resolve) => (settle = resolve)) };
      entries.set(id, entry);
      forgetOldFinished();
      changed();
      // The work starts on the next turn, so the caller has the job before any progress moves it.
      void Promise.resolve()
        .then(() => work(control))
        .then(
          (outcome) => settle(finish(entry, { state: 'done', message: outcome.message, file: outcome.file ?? null })),
          (error: unknown) => {
            if (controller.signal.aborted || error instanceof JobCancelledError) {
              settle(finish(entry, { state: 'cancelled', message: 'Cancelled.' }));
              return;
            }
            if (error instanceof UserFacingError) {
              settle(finish(entry, { state: 'failed', message: error.message }));
              return;
            }
            settle(finish(entry, { state: 'failed', message: 'The job failed; the details are in the log.' }));
            options.onFailed(entry.job, error);
          },
        );
      return job;
    },
    list,
    cancel(id) {
      const entry = find(id);
      if (entry.job.state === 'running') entry.controller.abort();
      return entry.job;
    },
    settled: (id) => find(id).settled,
  };
}

/** Throws between pages once the job has been cancelled, so the work unwinds through its cleanup. */
export function stopIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelledError('The job was cancelled.');
}
