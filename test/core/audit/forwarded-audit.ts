import type { AuditCopyWireMessage } from '../../../electron/core/audit/audit-forwarding';
import type { AuditRow } from '../../../electron/core/store/audit-tables';

/** An audit copy's payload read back the way a receiver reads it: the envelope, and the row with its hashes as bytes. */
export function readAuditCopy(payload: Uint8Array | string): { readonly message: AuditCopyWireMessage; readonly row: AuditRow } {
  const message = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload)) as AuditCopyWireMessage;
  const { prev_hash, hash, ...fields } = message.row;
  return { message, row: { ...fields, prev_hash: Buffer.from(prev_hash, 'hex'), hash: Buffer.from(hash, 'hex') } };
}

/** A rule as the analyst saves it in the Rules tab. */
export function aRuleSave(id: string, expression = 'speed > 250') {
  return { rule: { id, name: `Rule ${id}`, severity: 'info' as const, enabled: true, filter: null, definition: { kind: 'expression' as const, expression } } };
}
