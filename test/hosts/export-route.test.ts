import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExportFile } from '../../electron/core/transfer/export-files';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { recordingLog } from '../support/recording-log';
import { makeTempDir } from '../support/temp-dir';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchPath(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const EXPORT_NAME = 'UNCLASSIFIED_outpost_20261126T0600Z-20261126T0700Z.csv';
const EXPORT_TEXT = '# UNCLASSIFIED\r\ntime_utc,uid\r\n# UNCLASSIFIED\r\n';

describe('Given the web host and a data folder with a finished export and one still being written', () => {
  const dir = makeTempDir();
  let host: WebHost;
  let token: string;

  beforeAll(async () => {
    const staticDir = join(dir.path, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Outpost</title>');
    mkdirSync(join(dir.path, 'data', 'exports'), { recursive: true });
    writeFileSync(join(dir.path, 'data', 'exports', EXPORT_NAME), EXPORT_TEXT);
    writeFileSync(join(dir.path, 'data', 'exports', 'half.csv.partial'), 'half');
    writeFileSync(join(dir.path, 'data', 'keyring.json'), 'secret');
    const core = {
      dispatch: async () => {
        throw new Error('The export route must not use the dispatcher.');
      },
      subscribe: () => () => undefined,
      readTile: async () => null,
      exportFile: (name: string) => findExportFile(join(dir.path, 'data'), name),
    };
    host = await startWebHost({ core, staticDir, port: 0, log: recordingLog() });
    token = new URL(host.url).searchParams.get('token') ?? '';
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('When the export is fetched with the token, Then it downloads as an attachment under its own name', async () => {
    const answer = await fetchPath(host.port, `/exports/${EXPORT_NAME}?token=${token}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(EXPORT_TEXT);
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="${EXPORT_NAME}"`);
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(EXPORT_TEXT)));
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('When the export is fetched without the token or with a wrong one, Then it is refused', async () => {
    expect((await fetchPath(host.port, `/exports/${EXPORT_NAME}`)).status).toBe(403);
    expect((await fetchPath(host.port, `/exports/${EXPORT_NAME}?token=wrong`)).status).toBe(403);
  });

  it('When a file still being written, an unknown name or a path out of the folder is asked for, Then the answer is 404', async () => {
    expect((await fetchPath(host.port, `/exports/half.csv.partial?token=${token}`)).status).toBe(404);
    expect((await fetchPath(host.port, `/exports/nothing.csv?token=${token}`)).status).toBe(404);
    expect((await fetchPath(host.port, `/exports/..%2Fkeyring.json?token=${token}`)).status).toBe(404);
    expect((await fetchPath(host.port, `/exports/%2E%2E/keyring.json?token=${token}`)).status).toBe(404);
  });
});
