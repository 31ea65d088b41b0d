import type { RuleKind, RuleTestResult } from '../../shared/rules';
import { formatCount, formatUtcDateTime } from '../connections/figures';

/**
 * "Would have fired 12 times for 5 entities over the last 24 h, first at 2025-06-01 10:02:00Z,
 * last at 2025-06-01 11:58:30Z."
 */
export function describeTestResult(result: RuleTestResult, kind: RuleKind): string {
  const window = `over the last ${formatCount(result.hours)} h`;
  if (result.fired === 0) return `Would not have fired ${window} (${formatCount(result.recordsRead)} ${plural(result.recordsRead, 'record', 'records')} replayed).`;
  const times = result.fired === 1 ? 'once' : `${formatCount(result.fired)} times`;
  // A rate rule's subjects are whole subscriptions, not entities.
  const subjects = kind === 'rate' ? plural(result.subjects, 'subscription', 'subscriptions') : plural(result.subjects, 'entity', 'entities');
  const span = result.firstAt === null || result.lastAt === null ? '' : `, first at ${formatUtcDateTime(result.firstAt)}, last at ${formatUtcDateTime(result.lastAt)}`;
  return `Would have fired ${times} for ${formatCount(result.subjects)} ${subjects} ${window}${span}.`;
}

/** Said when the window held more records than a test replays, so the figures cover only the newest. */
export function truncationNote(result: RuleTestResult): string | null {
  return result.truncated
    ? `The last ${formatCount(result.hours)} h held more records than a test replays, so this covers only the newest ${formatCount(result.recordsRead)}.`
    : null;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
