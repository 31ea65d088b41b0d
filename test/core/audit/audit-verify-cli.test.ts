import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';
import { TEST_PASSPHRASE, testCacheKeys } from '../../support/test-keyring';
import { dropAppendOnlyTriggers, openAuditCache, recordAShift } from './audit-cache';

/** Runs the check with the passphrase piped in, as a script would, unless a passphrase file is named. */
function auditVerify(dataDir: string, options: { passphrase?: string; args?: string[] } = {}): { readonly status: number | null; readonly stdout: string; readonly stderr: string } {
  const run = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', '--data-dir', dataDir, ...(options.args ?? [])], {
    encoding: 'utf8',
    timeout: 60_000,
    input: `${options.passphrase ?? TEST_PASSPHRASE}\n`,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('Given `npm run audit:verify` pointed at a data folder whose cache holds a shift of audit events', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    dir = makeTempDir();
    const { db, trail } = await openAuditCache(dir.path);
    recordAShift(trail);
    db.close();
  });
  afterEach(() => dir.remove());

  it('When the log is untouched, Then it exits 0 and says the log is intact with its count', () => {
    const run = auditVerify(dir.path);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`The audit log in ${dir.path} is intact: 5 events, each chained to the one before.\n`);
  });

  it('When the passphrase comes from a file, Then it reads it from there', () => {
    const file = join(dir.path, 'passphrase');
    writeFileSync(file, `${TEST_PASSPHRASE}\n`, { mode: 0o600 });
    const run = auditVerify(dir.path, { passphrase: 'not used', args: ['--passphrase-file', file] });
    expect(run.status).toBe(0);
  });

  it('When the passphrase is wrong, Then it exits 2 and says so', () => {
    const run = auditVerify(dir.path, { passphrase: 'not the passphrase' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/The passphrase does not open the key file .*keyring\.json\. Check it and try again\./);
  });

  it('When a row was edited by hand, Then it exits 1 and names the edited row', async () => {
    const { db } = await openAuditCache(dir.path);
    dropAppendOnlyTriggers(db);
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 2").run();
    db.close();
    const run = auditVerify(dir.path);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/has been tampered with\. Audit row 2 was edited after it was recorded/);
  });

  it('When the key file beside the cache belongs to another cache, Then it exits 2 and says the cache cannot be opened with it', async () => {
    rmSync(join(dir.path, 'keyring.json'));
    await testCacheKeys(dir.path);
    const run = auditVerify(dir.path);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot be opened with the key file beside it: the key file belongs to another cache/);
  });

  it('When the folder holds no cache, Then it exits 2 and says which folder to pass', () => {
    const run = auditVerify(join(dir.path, 'elsewhere'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/There is no Outpost cache in .*elsewhere\. Pass the data folder Outpost runs with/);
  });
});
