import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIngest } from '../../../electron/core/ingest/ingest';
import { createIngestWriter } from '../../../electron/core/store/ingest-writer';
import { openDatabase } from '../../../electron/core/store/open-database';
import { createStore } from '../../../electron/core/store/store';
import { aCotRecord } from '../../builders/raw-record-builder';
import { makeTempDir } from '../../support/temp-dir';
import { noRules } from '../../support/no-rules';

const KEY = 'c'.repeat(64);

describe('Given track states written behind the records', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'cache.db');
  });
  afterEach(() => dir.remove());

  it('When the process dies before the tracks are flushed, Then the next start replays the records into them', () => {
    const now = { value: 1_000 };
    const crashed = openDatabase({ file, key: KEY });
    const ingest = createIngest({ writer: createIngestWriter(crashed, () => now.value), maxRecordBytes: 1 << 20, now: () => now.value, rules: noRules() });
    ingest([{ source: 'edge', subscriptionId: null, format: 'cot', mapping: null, records: [aCotRecord({ uid: 'late', lat: 41.5 }, { offset: 0 })] }]);
    expect(createStore(crashed).listTracks(10)).toEqual([]);
    crashed.close();

    const reopened = openDatabase({ file, key: KEY });
    createIngestWriter(reopened);
    expect(createStore(reopened).listTracks(10).map((t) => [t.uid, t.lat, t.affiliation, t.source])).toEqual([['late', 41.5, 'friend', 'edge']]);
    reopened.close();
  });

  it('When a second has passed since the last flush, Then the next batch writes the tracks in its own transaction', () => {
    const now = { value: 1_000 };
    const db = openDatabase({ file, key: KEY });
    const ingest = createIngest({ writer: createIngestWriter(db, () => now.value), maxRecordBytes: 1 << 20, now: () => now.value, rules: noRules() });
    const batch = (offset: number, uid: string) => [{ source: 'edge', subscriptionId: null, format: 'cot' as const, mapping: null, records: [aCotRecord({ uid }, { offset })] }];
    ingest(batch(0, 'a'));
    now.value += 1_000;
    ingest(batch(1, 'b'));
    expect(createStore(db).listTracks(10).map((t) => t.uid).sort()).toEqual(['a', 'b']);
    db.close();
  });
});
