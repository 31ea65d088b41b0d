// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../shared/result';
import { JobProgress } from '../../renderer/transfer/JobProgress';
import { exportDownloadUrl } from '../../renderer/transfer/download-url';
import { aRootPerTest, byTestId, has, settle } from './support/dom';
import { fakeClient } from './support/fake-client';
import { aJob, JOB_STARTED } from './support/job-builder';

const FILE_NAME = 'SECRET-NOFORN_outpost_20261126T0600Z-20261126T0700Z.geojson';
const FINISHED = aJob({ state: 'done', done: 1_000, finishedAt: JOB_STARTED + 5_000, file: { name: FILE_NAME, bytes: 335_000 } });
const WEB_HOST = { kind: 'web', origin: 'http://127.0.0.1:4321', token: 'tok' } as const;
const SAVED_PATH = '/home/analyst/Desktop/SECRET-NOFORN_outpost_20261126T0600Z-20261126T0700Z.geojson';
const WEB_REFUSAL = 'Save as is only in the Outpost desktop app; in the browser, use the export’s Download link instead.';

/** A host that says whether it has a file dialog, and answers Save as with `saved`. */
function hostWith(fileDialog: boolean, saved: Result<{ path: string | null }> = fail('failed', WEB_REFUSAL)) {
  return fakeClient((method) => {
    if (method === 'host.capabilities') return ok({ fileDialog });
    if (method === 'files.saveExport') return saved;
    return undefined;
  });
}

describe('Given a finished export in the desktop app, whose host has a file dialog', () => {
  const root = aRootPerTest();
  const electronDownloadUrl = (name: string) => exportDownloadUrl(name, { kind: 'electron' });

  it('When it is shown, Then it names the file in the exports folder and offers Save as… instead of a link', async () => {
    const host = hostWith(true);
    await settle(() => root.current.render(<JobProgress client={host.client} job={FINISHED} downloadUrl={electronDownloadUrl} />));
    expect(byTestId('job-file').textContent).toBe(`Written to the exports folder as ${FILE_NAME} (335 KB).`);
    expect(byTestId('job-save-as').textContent).toBe('Save as…');
    expect(has('job-download')).toBe(false);
  });

  it('When the analyst saves it, Then the host is asked to save that file and the panel says where it went', async () => {
    const host = hostWith(true, ok({ path: SAVED_PATH }));
    await settle(() => root.current.render(<JobProgress client={host.client} job={FINISHED} downloadUrl={electronDownloadUrl} />));
    await settle(() => byTestId('job-save-as').click());
    expect(host.calls('files.saveExport')).toEqual([{ fileName: FILE_NAME }]);
    expect(byTestId('job-saved').textContent).toBe(`Saved to ${SAVED_PATH}.`);
    expect(has('job-save-problem')).toBe(false);
  });

  it('When the analyst cancels the dialog, Then the panel says nothing more and Save as… can be pressed again', async () => {
    const host = hostWith(true, ok({ path: null }));
    await settle(() => root.current.render(<JobProgress client={host.client} job={FINISHED} downloadUrl={electronDownloadUrl} />));
    await settle(() => byTestId('job-save-as').click());
    expect(has('job-saved')).toBe(false);
    expect(has('job-save-problem')).toBe(false);
    expect((byTestId('job-save-as') as HTMLButtonElement).disabled).toBe(false);
  });

  it('When saving fails, Then the host’s sentence is shown', async () => {
    const sentence = `${FILE_NAME} is no longer in the exports folder, so it may have been moved or deleted; run the export again, then save it.`;
    const host = hostWith(true, fail('failed', sentence));
    await settle(() => root.current.render(<JobProgress client={host.client} job={FINISHED} downloadUrl={electronDownloadUrl} />));
    await settle(() => byTestId('job-save-as').click());
    expect(byTestId('job-save-problem').textContent).toBe(sentence);
    expect(has('job-saved')).toBe(false);
  });

  it('When a new export finishes after one was saved, Then the earlier save is not reported for it', async () => {
    const host = hostWith(true, ok({ path: SAVED_PATH }));
    await settle(() => root.current.render(<JobProgress client={host.client} job={FINISHED} downloadUrl={electronDownloadUrl} />));
    await settle(() => byTestId('job-save-as').click());
    expect(has('job-saved')).toBe(true);
    const next = { ...FINISHED, file: { name: FILE_NAME.replace('.geojson', '.csv'), bytes: 12_000 } };
    await settle(() => root.current.render(<JobProgress client={host.client} job={next} downloadUrl={electronDownloadUrl} />));
    expect(has('job-saved')).toBe(false);
  });

  it('When the export is still running, Then there is nothing to save yet', async () => {
    const host = hostWith(true);
    await settle(() => root.current.render(<JobProgress client={host.client} job={aJob()} downloadUrl={electronDownloadUrl} />));
    expect(has('job-save-as')).toBe(false);
    expect(has('job-file')).toBe(false);
  });
});

describe('Given a finished export in the browser, whose host has no file dialog', () => {
  const root = aRootPerTest();

  it('When it is shown, Then it keeps the download link with the token and offers no Save as…', async () => {
    const host = hostWith(false);
    await settle(() => root.current.render(<JobProgress client={host.client} job={FINISHED} downloadUrl={(name) => exportDownloadUrl(name, WEB_HOST)} />));
    const link = byTestId('job-download') as HTMLAnchorElement;
    expect(link.href).toBe(`http://127.0.0.1:4321/exports/${FILE_NAME}?token=tok`);
    expect(link.textContent).toBe(`Download ${FILE_NAME} (335 KB)`);
    expect(has('job-save-as')).toBe(false);
    expect(host.calls('files.saveExport')).toEqual([]);
  });
});
