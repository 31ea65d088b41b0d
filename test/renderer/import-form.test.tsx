// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ImportSource } from '../../shared/transfer';
import { fail, ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { ImportForm } from '../../renderer/transfer/ImportForm';
import { useJobs } from '../../renderer/transfer/use-jobs';
import { allByTestId, aRootPerTest, byTestId, enter, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';
import { aJob, JOB_STARTED } from './support/job-builder';

const IMPORT_JOB = aJob({ kind: 'import', label: 'Import mission.geojson', total: null });
const SOURCE: ImportSource = {
  id: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
  name: 'Mission 12',
  format: 'outpost-geojson',
  fileName: 'mission.geojson',
  records: 7_200,
  quarantined: 3,
  importedAt: JOB_STARTED + 4_000,
};

function importHost(state: { sources: ImportSource[]; refusal?: string }) {
  return fakeClient((method) => {
    switch (method) {
      case 'jobs.list':
        return ok([]);
      case 'import.sources':
        return ok(state.sources);
      case 'import.start':
        return state.refusal === undefined ? ok(IMPORT_JOB) : fail('failed', state.refusal);
      default:
        return undefined;
    }
  });
}

function Import({ client }: { readonly client: Client }) {
  const jobs = useJobs(client);
  return <ImportForm client={client} jobs={jobs} />;
}

describe('Given the import form', () => {
  const root = aRootPerTest();

  it('When a path, format and name are given, Then the import starts with them, shows its progress, and lists the file once done', async () => {
    const state: { sources: ImportSource[] } = { sources: [] };
    const host = importHost(state);
    await settle(() => root.current.render(<Import client={host.client} />));
    expect(byTestId('import-start').hasAttribute('disabled')).toBe(true);

    await settle(() => enter('import-path', ' /data/mission.geojson '));
    await settle(() => enter('import-format', 'outpost-geojson'));
    await settle(() => enter('import-name', 'Mission 12'));
    await settle(() => byTestId('import-start').click());

    expect(host.calls('import.start')).toEqual([{ path: '/data/mission.geojson', format: 'outpost-geojson', name: 'Mission 12' }]);
    await settle(() => host.emit('jobs.changed', [{ ...IMPORT_JOB, done: 4_000 }]));
    expect(byTestId('job-figures').textContent).toBe('4,000');

    state.sources = [SOURCE];
    await settle(() => host.emit('jobs.changed', [{ ...IMPORT_JOB, state: 'done', done: 7_203, finishedAt: JOB_STARTED + 4_000, message: '7,200 records read, 3 quarantined.' }]));

    expect(byTestId('job-progress').dataset['state']).toBe('done');
    expect(has('job-download')).toBe(false);
    expect(allByTestId('import-source').map((item) => item.textContent)).toEqual([
      `Mission 12 · mission.geojson · 7,200 records, 3 quarantined · 2026-11-26 08:00:04Z · source import:${SOURCE.id}`,
    ]);
  });

  it('When the core refuses the file, Then its sentence is shown and nothing is listed', async () => {
    const host = importHost({ sources: [], refusal: 'Outpost cannot read /data/missing.xml: there is no such file. Check the path and try again.' });
    await settle(() => root.current.render(<Import client={host.client} />));
    await settle(() => enter('import-path', '/data/missing.xml'));
    await settle(() => byTestId('import-start').click());

    expect(byTestId('import-problem').textContent).toBe('Outpost cannot read /data/missing.xml: there is no such file. Check the path and try again.');
    expect(has('job-progress')).toBe(false);
  });
});
