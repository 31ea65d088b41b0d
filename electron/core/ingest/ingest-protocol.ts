import type { Alert } from '../../../shared/alerts';
import type { Rule } from '../../../shared/rules';
import type { WriteOutcome } from '../store/store';
import type { IngestGroup } from './ingest';

/** What the core's main thread and its ingest thread say to each other. Both sides are this codebase. */
export interface IngestThreadSettings {
  readonly file: string;
  readonly key: string;
  readonly nativeBinding: string | undefined;
  readonly maxRecordBytes: number;
  /** The rules as they stand when the thread starts; later changes come as `rules` requests. */
  readonly rules: readonly Rule[];
}

export type IngestRequest =
  | { readonly kind: 'ingest'; readonly id: number; readonly receivedAt: number; readonly groups: readonly IngestGroup[] }
  | { readonly kind: 'rules'; readonly rules: readonly Rule[] }
  /** Time passes: rules that watch for silence judge it, and what they raise is kept. */
  | { readonly kind: 'tick'; readonly id: number; readonly now: number }
  | { readonly kind: 'close' };

export type IngestReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly outcome: WriteOutcome }
  | { readonly kind: 'ticked'; readonly id: number; readonly alerts: Alert[] }
  /** Something the main thread should log, such as a rule that could not be applied. */
  | { readonly kind: 'warning'; readonly message: string }
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string }
  | { readonly kind: 'closed' };
