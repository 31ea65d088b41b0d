import { randomUUID } from 'node:crypto';
import type { AuditSettings } from '../../../shared/config';
import type { OutboxDraft } from '../../../shared/outbox';
import { gzippedSize } from '../outbox/compressed-size';
import type { OwnStream } from '../outbox/outbox';
import type { Log } from '../ports';
import type { AuditRow } from '../store/audit-tables';
import type { OutboundDestination, Store } from '../store/store';

/** Every copy goes with this record key, so all of them land in one partition, in the order recorded. */
export const AUDIT_RECORD_KEY = 'audit';

/** What the outbox list shows of a copy; the row itself travels in the payload. */
const SUMMARY_CHARACTERS = 200;

/**
 * The JSON wire form of an audit copy, one object per record, UTF-8, beside Outpost's other JSON messages:
 * - `id`, `precedence`, `classification`, `createdAt`: as for every outbound message; `id` is the
 *   message's uuid, also in the `outpost-msg-id` header, so a receiver drops a resent copy.
 * - `kind`: always `audit`.
 * - `row`: the audit row as stored: `id`, `at` (epoch milliseconds), `actor`, `action`, `subject`,
 *   `details` (the JSON text exactly as hashed, so a receiver hashes the same bytes), and `prev_hash`
 *   and `hash` in hex. A receiver checks each row with the log's own rule (audit-chain.ts): the
 *   hash is SHA-256 over prev_hash and the fields, and each prev_hash is the hash of the row before.
 */
export interface AuditCopyWireMessage {
  readonly id: string;
  readonly precedence: 'routine';
  readonly classification: string;
  readonly createdAt: number;
  readonly kind: 'audit';
  readonly row: Omit<AuditRow, 'prev_hash' | 'hash'> & { readonly prev_hash: string; readonly hash: string };
}

export interface AuditForwarder {
  /** Where the copies go, and the key they all go with, for the outbox. */
  readonly stream: OwnStream;
  /**
   * Queues the row's copy in the outbox. The audit trail calls it inside the row's own
   * transaction, so the copy is queued exactly when the row is kept.
   */
  forward(row: AuditRow): void;
  /**
   * From now on each copy also wakes the outbox's sender; copies queued before go when the outbox
   * starts, as anything left queued does.
   */
  sendThrough(outbox: { noticeQueued(destination: OutboundDestination): void }): void;
  /** Says in the log when the profile the copies go to is not there, as they then wait until it is. */
  warnIfProfileMissing(log: Log): void;
}

/** Null when the site keeps its audit log on the machine only. */
export function createAuditForwarder(options: { readonly settings: AuditSettings; readonly store: Store; readonly marking: string }): AuditForwarder | null {
  const { store, marking } = options;
  const destination = options.settings.forwardTo;
  if (destination === null) return null;
  let outbox: { noticeQueued(destination: OutboundDestination): void } | null = null;

  return {
    stream: { destination, key: AUDIT_RECORD_KEY },
    forward(row) {
      const id = randomUUID();
      const payload = encodeAuditCopy(row, id, marking);
      // No check that the profile exists: a copy for a profile not added yet waits for it, like any queued message.
      store.enqueueOutbound({ id, draft: copyDraft(row, destination, marking), payload, wireBytes: gzippedSize([payload]), createdAt: row.at });
      // Woken once the row's transaction has committed, so the sender reads the copy as kept.
      const woken = outbox;
      if (woken !== null) queueMicrotask(() => woken.noticeQueued(destination));
    },
    sendThrough(sender) {
      outbox = sender;
    },
    warnIfProfileMissing(log) {
      if (store.listProfiles().some((profile) => profile.id === destination.profileId)) return;
      log.warn(
        `Audit events are set to go to the connection profile ${destination.profileId}, which does not exist; they wait in the outbox and go to topic ${destination.topic} once a profile with that id is added in the Connections tab or the config file.`,
      );
    },
  };
}

/** The copy as the analyst sees it in the outbox list: a line naming the row, marked as the site marks everything. */
function copyDraft(row: AuditRow, destination: OutboundDestination, marking: string): OutboxDraft {
  const summary = `Audit row ${row.id}: ${row.action} ${row.subject} by ${row.actor}`.slice(0, SUMMARY_CHARACTERS);
  return { profileId: destination.profileId, topic: destination.topic, precedence: 'routine', format: 'json', classification: marking, content: { kind: 'text', text: summary } };
}

function encodeAuditCopy(row: AuditRow, id: string, marking: string): Uint8Array {
  const message: AuditCopyWireMessage = {
    id,
    precedence: 'routine',
    classification: marking,
    createdAt: row.at,
    kind: 'audit',
    row: { id: row.id, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details: row.details, prev_hash: row.prev_hash.toString('hex'), hash: row.hash.toString('hex') },
  };
  return new TextEncoder().encode(JSON.stringify(message));
}
