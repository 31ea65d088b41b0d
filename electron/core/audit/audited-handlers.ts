import type { MethodResult, ParsedMethodArgs } from '../../../shared/contract';
import type { Handlers } from '../dispatcher';
import type { AuditEvent, AuditTrail } from './audit-trail';

type Described = Pick<AuditEvent, 'subject' | 'details'>;

/** How each audited method's call and result read in the log: an id, and what a reviewer needs besides, never a secret. */
const DESCRIBE = {
  'profiles.save': (_args, profile) => ({ subject: profile.id, details: { name: profile.name, brokers: profile.brokers, enabled: profile.enabled, tls: profile.tls !== null, sasl: profile.sasl?.mechanism ?? null } }),
  'profiles.remove': ({ id }, { removed }) => ({ subject: id, details: { removed } }),
  'subscriptions.add': (_args, subscription) => ({ subject: String(subscription.id), details: { profileId: subscription.profileId, topic: subscription.topic, pattern: subscription.pattern, format: subscription.format } }),
  'subscriptions.remove': ({ id }, { removed }) => ({ subject: String(id), details: { removed } }),
  'outbox.enqueue': (_args, message) => ({ subject: message.id, details: outboundDetails(message) }),
  'outbox.edit': (_args, message) => ({ subject: message.id, details: outboundDetails(message) }),
  'outbox.cancel': ({ id }) => ({ subject: id }),
  'outbox.retry': ({ id }) => ({ subject: id }),
  'outbox.setPrecedence': ({ id, precedence }) => ({ subject: id, details: { precedence } }),
  'outbox.setBudget': ({ profileId, topic, bytesPerSecond }) => ({ subject: `${profileId}/${topic}`, details: { bytesPerSecond } }),
  'export.start': ({ scope, format }, job) => ({ subject: job.id, details: { format, scope, label: job.label } }),
  'import.start': ({ path, format }, job) => ({ subject: job.id, details: { path, format, label: job.label } }),
  'cache.setRetention': (_args, retention) => ({ subject: 'retention', details: retention }),
  'rules.save': (_args, rule) => ({ subject: rule.id, details: { name: rule.name, severity: rule.severity, enabled: rule.enabled, filter: rule.filter, definition: rule.definition } }),
  'rules.remove': ({ id }, { removed }) => ({ subject: id, details: { removed } }),
  'rules.setEnabled': ({ id, enabled }) => ({ subject: id, details: { enabled } }),
  'alerts.acknowledge': ({ id, note }) => ({ subject: id, details: { note: note ?? null } }),
  'alerts.resolve': ({ id, note }) => ({ subject: id, details: { note: note ?? null } }),
  'forwarding.save': (_args, rule) => ({
    subject: rule.id,
    details: { name: rule.name, source: rule.source, destination: rule.destination, filter: rule.filter, decimationSeconds: rule.decimationSeconds, dropFields: rule.dropFields, precedence: rule.precedence, budgetBytesPerSecond: rule.budgetBytesPerSecond },
  }),
  'forwarding.remove': ({ id }, { removed }) => ({ subject: id, details: { removed } }),
  'forwarding.setPaused': ({ id, paused }) => ({ subject: id, details: { paused } }),
} satisfies { [M in keyof Handlers]?: (args: ParsedMethodArgs<M>, result: MethodResult<M>) => Described };

type AuditedMethod = keyof typeof DESCRIBE;

function outboundDetails(message: MethodResult<'outbox.enqueue'>): Record<string, unknown> {
  return { profileId: message.profileId, topic: message.topic, precedence: message.precedence, format: message.format, classification: message.classification, bytes: message.bytes };
}

/**
 * The handlers, with every security-relevant method recording an audit event once it has
 * succeeded; a refused or failed call changed nothing, so it records nothing.
 */
export function auditedHandlers(handlers: Handlers, audit: AuditTrail, actor: string): Handlers {
  const audited = { ...handlers };
  for (const method of Object.keys(DESCRIBE) as AuditedMethod[]) {
    Object.assign(audited, { [method]: withAudit(method, handlers[method], audit, actor) });
  }
  return audited;
}

function withAudit<M extends AuditedMethod>(method: M, handler: Handlers[M], audit: AuditTrail, actor: string): Handlers[M] {
  const describe = DESCRIBE[method] as (args: ParsedMethodArgs<M>, result: MethodResult<M>) => Described;
  const run = handler as (args: ParsedMethodArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
  return (async (args: ParsedMethodArgs<M>) => {
    const result = await run(args);
    audit.record({ actor, action: method, ...describe(args, result) });
    return result;
  }) as Handlers[M];
}
