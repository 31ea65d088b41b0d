import type { ForwardDryRun, ForwardRule, ForwardRuleInput, ForwardStats } from '../../shared/forwarding';

const inputDefaults: ForwardRuleInput = {
  id: 'hostile-air-up',
  name: 'Hostile air to the cloud',
  source: { kind: 'topic', profileId: 'edge', topic: 'cot.air' },
  destination: { profileId: 'cloud', topic: 'outpost.forwarded' },
  filter: 'affiliation = "hostile"',
  decimationSeconds: 30,
  dropFields: ['raw'],
  precedence: 'routine',
  budgetBytesPerSecond: null,
};

const idleStats: ForwardStats = { recordsSeen: 0, recordsForwarded: 0, bytesSeen: 0, bytesSent: 0, queued: 0, queuedWireBytes: 0, drainSeconds: null };

/** Given a forwarding rule as the form would save it, "like this one, but…". */
export function aForwardRuleInput(overrides: Partial<ForwardRuleInput> = {}): ForwardRuleInput {
  return { ...inputDefaults, ...overrides };
}

/** Given a saved, running forwarding rule that has seen nothing yet, made at the epoch. */
export function aForwardRule(overrides: Partial<Omit<ForwardRule, 'stats'>> & { readonly stats?: Partial<ForwardStats> } = {}): ForwardRule {
  const { stats, ...rest } = overrides;
  return { ...inputDefaults, paused: false, createdAt: 0, updatedAt: 0, ...rest, stats: { ...idleStats, ...stats } };
}

/** A dry run over the last day that found nothing to send, "like this one, but…". */
export function aForwardDryRun(overrides: Partial<ForwardDryRun> = {}): ForwardDryRun {
  return { hours: 24, recordsRead: 0, recordsSeen: 0, recordsForwarded: 0, bytesSeen: 0, wireBytes: 0, examples: [], ...overrides };
}
