import { Worker } from 'node:worker_threads';
import type { Alert } from '../../../shared/alerts';
import type { Rule } from '../../../shared/rules';
import type { Log } from '../ports';
import type { WriteOutcome } from '../store/store';
import { UserFacingError } from '../user-facing-error';
import type { IngestGroup } from './ingest';
import type { IngestReply, IngestRequest, IngestThreadSettings } from './ingest-protocol';

/** Where the ingest thread's code is: a built bundle, or TypeScript source with a loader in tests. */
export interface IngestWorkerScript {
  readonly path: string | URL;
  readonly execArgv?: readonly string[];
}

export interface IngestThread {
  ingest(groups: readonly IngestGroup[], receivedAt: number): Promise<WriteOutcome>;
  /** The rules to apply from the next record on. */
  setRules(rules: readonly Rule[]): void;
  /** Lets the rules judge the passing of time; resolves with the alerts that raised and were kept. */
  tick(now: number): Promise<Alert[]>;
  close(): Promise<void>;
}

/**
 * Runs ingest on a worker thread and answers each request with its outcome.
 * If the thread dies, every waiting request fails with a sentence and the next
 * request starts a fresh thread.
 */
export async function startIngestThread(script: IngestWorkerScript, initialSettings: IngestThreadSettings, log: Log): Promise<IngestThread> {
  // A thread started again after a failure starts with the rules as they are by then.
  let settings = initialSettings;
  const waiting = new Map<number, { resolve: (outcome: WriteOutcome) => void; reject: (error: Error) => void }>();
  const waitingTicks = new Map<number, { resolve: (alerts: Alert[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let closing = false;

  const spawn = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script.path, { workerData: settings, execArgv: script.execArgv ? [...script.execArgv] : undefined });
      let ready = false;
      worker.on('message', (message: IngestReply) => {
        if (message.kind === 'ready') {
          ready = true;
          resolve(worker);
        } else if (message.kind === 'done') {
          waiting.get(message.id)?.resolve(message.outcome);
          waiting.delete(message.id);
        } else if (message.kind === 'ticked') {
          waitingTicks.get(message.id)?.resolve(message.alerts);
          waitingTicks.delete(message.id);
        } else if (message.kind === 'warning') {
          log.warn(message.message);
        } else if (message.kind === 'failed') {
          if (message.id === null) reject(new UserFacingError(`The ingest thread could not open the cache: ${message.message}`));
          else {
            const failure = new Error(`Writing to the offline cache failed: ${message.message}`);
            waiting.get(message.id)?.reject(failure);
            waitingTicks.get(message.id)?.reject(failure);
            waiting.delete(message.id);
            waitingTicks.delete(message.id);
          }
        }
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
        failAll(`The ingest thread failed: ${error.message}`);
      });
      worker.on('exit', () => {
        if (!closing) failAll('The ingest thread stopped unexpectedly.');
        current = null;
      });
    });

  const failAll = (message: string): void => {
    for (const { reject } of [...waiting.values(), ...waitingTicks.values()]) reject(new Error(message));
    waiting.clear();
    waitingTicks.clear();
  };

  let current: Promise<Worker> | null = spawn();
  await current;

  return {
    async ingest(groups, receivedAt) {
      current ??= spawn();
      const worker = await current;
      const id = nextId++;
      return new Promise<WriteOutcome>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const request: IngestRequest = { kind: 'ingest', id, receivedAt, groups };
        worker.postMessage(request);
      });
    },
    setRules(rules) {
      settings = { ...settings, rules };
      void current?.then((worker) => worker.postMessage({ kind: 'rules', rules } satisfies IngestRequest)).catch(() => undefined);
    },
    async tick(now) {
      current ??= spawn();
      const worker = await current;
      const id = nextId++;
      return new Promise<Alert[]>((resolve, reject) => {
        waitingTicks.set(id, { resolve, reject });
        worker.postMessage({ kind: 'tick', id, now } satisfies IngestRequest);
      });
    },
    async close() {
      closing = true;
      const worker = await current?.catch(() => null);
      if (worker === null || worker === undefined) return;
      const closed = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'close' } satisfies IngestRequest);
      await closed;
    },
  };
}
