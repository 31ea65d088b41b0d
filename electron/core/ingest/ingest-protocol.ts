import type { WriteOutcome } from '../store/store';
import type { IngestGroup } from './ingest';

/** What the core's main thread and its ingest thread say to each other. Both sides are this codebase. */
export interface IngestThreadSettings {
  readonly file: string;
  readonly key: string;
  readonly nativeBinding: string | undefined;
  readonly maxRecordBytes: number;
}

export type IngestRequest =
  | { readonly kind: 'ingest'; readonly id: number; readonly receivedAt: number; readonly groups: readonly IngestGroup[] }
  | { readonly kind: 'close' };

export type IngestReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly outcome: WriteOutcome }
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string }
  | { readonly kind: 'closed' };
