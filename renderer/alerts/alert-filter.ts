import type { AlertState } from '../../shared/alerts';
import type { MethodArgs } from '../../shared/contract';
import { SEVERITIES, type Severity } from '../../shared/rules';

/** Which states the list shows: open (what still needs the analyst) unless they ask for another. */
export const STATE_CHOICES = ['open', 'new', 'acknowledged', 'resolved', 'all'] as const;
export type StateChoice = (typeof STATE_CHOICES)[number];

export const STATE_CHOICE_LABELS: Readonly<Record<StateChoice, string>> = {
  open: 'Open (new and acknowledged)',
  new: 'New',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  all: 'All',
};

const STATES_OF_CHOICE: Readonly<Record<StateChoice, readonly AlertState[] | undefined>> = {
  open: ['new', 'acknowledged'],
  new: ['new'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  all: undefined,
};

export interface AlertFilter {
  readonly states: StateChoice;
  /** In SEVERITIES order; empty when the analyst has unticked every one. */
  readonly severities: readonly Severity[];
}

export const DEFAULT_ALERT_FILTER: AlertFilter = { states: 'open', severities: SEVERITIES };

/** The alerts.list arguments for the filter, or null when it lets nothing through. */
export function alertListArgs(filter: AlertFilter, limit: number): MethodArgs<'alerts.list'> | null {
  if (filter.severities.length === 0) return null;
  const states = STATES_OF_CHOICE[filter.states];
  const everySeverity = SEVERITIES.every((severity) => filter.severities.includes(severity));
  return {
    limit,
    ...(states === undefined ? {} : { states: [...states] }),
    ...(everySeverity ? {} : { severities: [...filter.severities] }),
  };
}

/** Ticks or unticks one severity, keeping SEVERITIES order so equal filters read the same. */
export function withSeverity(filter: AlertFilter, severity: Severity, shown: boolean): AlertFilter {
  return { ...filter, severities: SEVERITIES.filter((candidate) => (candidate === severity ? shown : filter.severities.includes(candidate))) };
}
