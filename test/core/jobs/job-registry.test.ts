import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { createJobRegistry, JOBS_CHANGED_EVERY_MS, KEPT_JOBS, stopIfCancelled, type JobControl } from '../../../electron/core/jobs/job-registry';
import { UserFacingError } from '../../../electron/core/user-facing-error';
import { manualClock } from '../../support/manual-clock';

function registry() {
  const clock = manualClock();
  const emitted: Job[][] = [];
  const failures: unknown[] = [];
  const jobs = createJobRegistry({ clock, onChanged: (list) => emitted.push(list), onFailed: (_job, error) => failures.push(error) });
  return { clock, emitted, failures, jobs };
}

/** Work that waits for the test to let it go, reporting through the control it was given. */
function heldWork(): { control: Promise<JobControl>; release: () => void; work: (control: JobControl) => Promise<{ message: string }> } {
  let release = (): void => undefined;
  let handOver = (_control: JobControl): void => undefined;
  const control = new Promise<JobControl>((resolve) => (handOver = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    control,
    release: () => release(),
    work: async (given) => {
      handOver(given);
      await released;
      stopIfCancelled(given.signal);
      return { message: 'Finished.' };
    },
  };
}

describe('Given a job that reports progress many times a second', () => {
  it('When a second of reports goes by, Then jobs.changed goes out at most four times in it, the last with the latest progress', async () => {
    const { clock, emitted, jobs } = registry();
    const held = heldWork();
    const job = jobs.start('export', 'Export CSV', held.work);
    const control = await held.control;
    emitted.length = 0;
    for (let ms = 1; ms <= 1_000; ms += 10) {
      clock.advance(10);
      control.report(ms, 1_000);
    }
    clock.advance(JOBS_CHANGED_EVERY_MS);
    expect(emitted.length).toBeGreaterThanOrEqual(4);
    expect(emitted.length).toBeLessThanOrEqual(5);
    expect(emitted.at(-1)?.[0]).toMatchObject({ id: job.id, state: 'running', done: 991, total: 1_000 });
    held.release();
    expect(await jobs.settled(job.id)).toMatchObject({ state: 'done', message: 'Finished.', finishedAt: clock.now() });
  });

  it('When it is cancelled, Then it stops at its next check and ends cancelled, and a second cancel returns it as it ended', async () => {
    const { jobs } = registry();
    const held = heldWork();
    const job = jobs.start('import', 'Import mission.geojson', held.work);
    await held.control;
    expect(jobs.cancel(job.id).state).toBe('running');
    held.release();
    expect((await jobs.settled(job.id)).state).toBe('cancelled');
    expect(jobs.cancel(job.id).state).toBe('cancelled');
  });
});

describe('Given jobs that fail', () => {
  it('When one fails with a sentence for the analyst, Then the job shows it; when one fails otherwise, Then the job says to look in the log and the error is passed on', async () => {
    const { jobs, failures } = registry();
    const told = jobs.start('import', 'Import a', async () => {
      throw new UserFacingError('The file ended in the middle of an event.');
    });
    const crashed = jobs.start('compact', 'Compact', async () => {
      throw new Error('SQLITE_CORRUPT');
    });
    expect(await jobs.settled(told.id)).toMatchObject({ state: 'failed', message: 'The file ended in the middle of an event.' });
    expect(await jobs.settled(crashed.id)).toMatchObject({ state: 'failed', message: 'The job failed; the details are in the log.' });
    expect(failures.map(String)).toEqual(['Error: SQLITE_CORRUPT']);
  });

  it('When a job that is no longer listed is cancelled, Then the analyst is told to refresh the list', () => {
    const { jobs } = registry();
    expect(() => jobs.cancel('3f1c7a52-8e0b-4c1e-9a55-2d7d6f0b9e11')).toThrow(/no longer in the list of recent jobs/);
  });
});

describe(`Given more than ${KEPT_JOBS} jobs`, () => {
  it('When they finish, Then only the newest are kept, newest first, and a job still running is never dropped', async () => {
    const { jobs } = registry();
    const held = heldWork();
    const longest = jobs.start('export', 'Export first', held.work);
    const quick = Array.from({ length: KEPT_JOBS + 5 }, (_, i) => jobs.start('export', `Export ${i}`, async () => ({ message: null })));
    await Promise.all(quick.map((job) => jobs.settled(job.id)));
    jobs.start('compact', 'Compact', async () => ({ message: null }));
    const listed = jobs.list();
    expect(listed).toHaveLength(KEPT_JOBS);
    expect(listed[0]?.label).toBe('Compact');
    expect(listed.at(-1)?.id).toBe(longest.id);
    held.release();
  });
});
