import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { linkHash } from '../../../electron/core/audit/audit-chain';
import type { AuditTrail } from '../../../electron/core/audit/audit-trail';
import { AUDIT_APPEND_ONLY_SENTENCE } from '../../../electron/core/store/migrations/0010-audit';
import { makeTempDir } from '../../support/temp-dir';
import { dropAppendOnlyTriggers, openAuditCache, recordAShift } from './audit-cache';

describe('Given an audit trail on an encrypted cache holding a shift of events', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Database;
  let trail: AuditTrail;
  beforeEach(async () => {
    dir = makeTempDir();
    ({ db, trail } = await openAuditCache(dir.path));
    recordAShift(trail);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('When the chain is verified, Then it is whole and counts every event', () => {
    expect(trail.verify()).toEqual({ ok: true, count: 5 });
  });

  it('When more events follow and the log is verified again, Then each new row chains from the last', () => {
    const id = trail.record({ actor: 'kim', action: 'export.start', subject: 'job-1', details: { format: 'csv' } });
    expect(id).toBe(6);
    const [previous, latest] = db.prepare<[], { hash: Buffer; prev_hash: Buffer }>('SELECT hash, prev_hash FROM audit_log WHERE id >= 5 ORDER BY id').all();
    expect(latest?.prev_hash.equals(previous?.hash ?? Buffer.alloc(0))).toBe(true);
    expect(trail.verify()).toEqual({ ok: true, count: 6 });
  });

  it('When a row is updated, Then SQLite refuses with the append-only sentence and the row is unchanged', () => {
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 2").run()).toThrow(AUDIT_APPEND_ONLY_SENTENCE);
    expect(db.prepare('SELECT actor FROM audit_log WHERE id = 2').pluck().get()).toBe('kim');
  });

  it('When a row is deleted, Then SQLite refuses with the append-only sentence and the row stays', () => {
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(AUDIT_APPEND_ONLY_SENTENCE);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(5);
  });

  it('When a field is edited by hand with the triggers dropped, Then verify names that row as edited', () => {
    dropAppendOnlyTriggers(db);
    db.prepare("UPDATE audit_log SET subject = 'alert-8' WHERE id = 5").run();
    expect(trail.verify()).toMatchObject({ ok: false, rowId: 5, problem: 'edited', sentence: expect.stringMatching(/^Audit row 5 was edited/) as unknown });
  });

  it('When a row in the middle is deleted, Then verify names the missing row', () => {
    dropAppendOnlyTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(trail.verify()).toMatchObject({ ok: false, rowId: 3, problem: 'deleted', sentence: 'Audit row 3 is missing: it was deleted after it was recorded.' });
  });

  it('When the first row is deleted, Then verify names it, though nothing comes before it', () => {
    dropAppendOnlyTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id = 1').run();
    expect(trail.verify()).toMatchObject({ ok: false, rowId: 1, problem: 'deleted' });
  });

  it('When the newest rows are deleted, Then verify names the first of them', () => {
    dropAppendOnlyTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id >= 4').run();
    expect(trail.verify()).toMatchObject({ ok: false, rowId: 4, problem: 'deleted', sentence: 'Audit rows from 4 on are missing: they were deleted after they were recorded.' });
  });

  it('When a row in the middle is forged and given a fresh hash, Then verify names the next row, whose link no longer holds', () => {
    dropAppendOnlyTriggers(db);
    const row = db.prepare<[], { at: number; actor: string; action: string; subject: string; details: string; prev_hash: Buffer }>('SELECT at, actor, action, subject, details, prev_hash FROM audit_log WHERE id = 3').get();
    if (row === undefined) throw new Error('row 3 is missing');
    const forged = { ...row, subject: 'msg-forged' };
    db.prepare('UPDATE audit_log SET subject = ?, hash = ? WHERE id = 3').run(forged.subject, linkHash(row.prev_hash, forged));
    expect(trail.verify()).toMatchObject({ ok: false, rowId: 4, problem: 'broken-link', sentence: expect.stringMatching(/^Audit row 4 does not follow row 3/) as unknown });
  });

  it('When two rows swap places, hashes and all, Then verify reports the first as out of order', () => {
    dropAppendOnlyTriggers(db);
    db.exec(`
      UPDATE audit_log SET id = 100 WHERE id = 2;
      UPDATE audit_log SET id = 2 WHERE id = 3;
      UPDATE audit_log SET id = 3 WHERE id = 100;
    `);
    expect(trail.verify()).toMatchObject({ ok: false, rowId: 2, problem: 'reordered', sentence: 'Audit row 2 is out of order: it was recorded after row 3, not after row 1.' });
  });
});

describe('Given an audit trail on a new cache', () => {
  let dir: ReturnType<typeof makeTempDir>;
  afterEach(() => dir.remove());

  it('When nothing has been recorded, Then the empty log verifies', async () => {
    dir = makeTempDir();
    const { db, trail } = await openAuditCache(dir.path);
    expect(trail.verify()).toEqual({ ok: true, count: 0 });
    db.close();
  });
});
