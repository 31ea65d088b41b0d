// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ExportPolicy } from '../../shared/transfer';
import { fail, ok } from '../../shared/result';
import type { Client } from '../../renderer/client';
import { exportDownloadUrl } from '../../renderer/transfer/download-url';
import { FilesPanel } from '../../renderer/transfer/FilesPanel';
import { useExportPolicy } from '../../renderer/transfer/use-export-policy';
import { useJobs } from '../../renderer/transfer/use-jobs';
import { aRootPerTest, byTestId, enter, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';
import { aJob, JOB_STARTED } from './support/job-builder';

const FILE_NAME = 'SECRET-NOFORN_outpost_20261126T0600Z-20261126T0700Z.geojson';
const WEB_HOST = { kind: 'web', origin: 'http://127.0.0.1:4321', token: 'tok en' } as const;

function exportHost(policy: ExportPolicy) {
  return fakeClient((method, args) => {
    switch (method) {
      case 'export.policy':
        return ok(policy);
      case 'jobs.list':
      case 'import.sources':
        return ok([]);
      case 'export.start':
        return ok(aJob());
      case 'jobs.cancel':
        return (args as { id: string }).id === aJob().id ? ok(aJob({ state: 'cancelled', finishedAt: JOB_STARTED + 1_000 })) : fail('failed', 'No such job.');
      default:
        return undefined;
    }
  });
}

function Files({ client, reviewTime = null }: { readonly client: Client; readonly reviewTime?: number | null }) {
  const jobs = useJobs(client);
  const policy = useExportPolicy(client);
  return <FilesPanel client={client} policy={policy} jobs={jobs} downloadUrl={(name) => exportDownloadUrl(name, WEB_HOST)} reviewTime={reviewTime} />;
}

describe('Given export of a time window', () => {
  const root = aRootPerTest();

  it('When a window and format are chosen, Then the marking the file will carry is shown and the export starts with that scope', async () => {
    const host = exportHost({ enabled: true, marking: 'SECRET//NOFORN' });
    await settle(() => root.current.render(<Files client={host.client} />));
    expect(byTestId('export-marking').textContent).toBe('The file will be headed SECRET//NOFORN, and its name will start with it.');
    expect((byTestId('export-start') as HTMLButtonElement).disabled).toBe(true);

    await settle(() => enter('export-window-from', '2026-11-26 06:00:00Z'));
    await settle(() => enter('export-window-to', '2026-11-26 07:00:00Z'));
    await settle(() => enter('export-format', 'csv'));
    await settle(() => byTestId('export-start').click());

    expect(host.calls('export.start')).toEqual([{ scope: { kind: 'window', from: Date.UTC(2026, 10, 26, 6), to: Date.UTC(2026, 10, 26, 7) }, format: 'csv' }]);
    expect(byTestId('job-progress').dataset['state']).toBe('running');
  });

  it('When the review time is given, Then the window can be the hour up to it', async () => {
    const host = exportHost({ enabled: true, marking: 'UNCLASSIFIED' });
    await settle(() => root.current.render(<Files client={host.client} reviewTime={Date.UTC(2026, 10, 26, 7)} />));
    await settle(() => byTestId('export-window-from-review').click());
    expect([(byTestId('export-window-from') as HTMLInputElement).value, (byTestId('export-window-to') as HTMLInputElement).value]).toEqual(['2026-11-26 06:00:00Z', '2026-11-26 07:00:00Z']);
  });

  it('When progress arrives, Then the bar follows it, Cancel stops the job, and a finished file can be downloaded with the token', async () => {
    const host = exportHost({ enabled: true, marking: 'UNCLASSIFIED' });
    await settle(() => root.current.render(<Files client={host.client} />));
    await settle(() => enter('export-window-from', '2026-11-26 06:00:00Z'));
    await settle(() => enter('export-window-to', '2026-11-26 07:00:00Z'));
    await settle(() => byTestId('export-start').click());

    await settle(() => host.emit('jobs.changed', [aJob({ done: 250 })]));
    const bar = byTestId('job-bar') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([250, 1_000]);
    expect(byTestId('job-figures').textContent).toBe('250 of 1,000');

    await settle(() => byTestId('job-cancel').click());
    expect(host.calls('jobs.cancel')).toEqual([{ id: aJob().id }]);

    await settle(() => host.emit('jobs.changed', [aJob({ state: 'done', done: 1_000, finishedAt: JOB_STARTED + 5_000, file: { name: FILE_NAME, bytes: 335_000 } })]));
    const link = byTestId('job-download') as HTMLAnchorElement;
    expect(link.href).toBe(`http://127.0.0.1:4321/exports/${FILE_NAME}?token=tok%20en`);
    expect(link.textContent).toBe(`Download ${FILE_NAME} (335 KB)`);
    expect(has('job-cancel')).toBe(false);
  });

  it('When the administrator has switched export off, Then there is no Export, only a sentence saying so', async () => {
    const host = exportHost({ enabled: false, marking: 'UNCLASSIFIED' });
    await settle(() => root.current.render(<Files client={host.client} />));

    expect(byTestId('export-disabled').textContent).toContain('switched off on this installation by its administrator');
    expect(has('export-start')).toBe(false);
    expect(has('export-window-from')).toBe(false);
  });
});

describe('Given the Electron host', () => {
  it('When an export is done, Then there is no download address: the file stays in the exports folder', () => {
    expect(exportDownloadUrl(FILE_NAME, { kind: 'electron' })).toBeNull();
  });
});
