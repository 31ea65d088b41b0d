import type { Migration } from '../migration';
import { initial } from './0001-initial';
import { connections } from './0002-connections';
import { basemaps } from './0003-basemaps';
import { trackHistory } from './0004-track-history';
import { outbox } from './0005-outbox';
import { outboxBudgets } from './0006-outbox-budgets';
import { rulesAndAlerts } from './0007-rules-and-alerts';
import { review } from './0008-review';
import { positionIndexes } from './0009-position-indexes';
import { audit } from './0010-audit';
import { forwarding } from './0011-forwarding';

/** In order; each version is one more than the last. */
export const migrations: readonly Migration[] = [initial, connections, basemaps, trackHistory, outbox, outboxBudgets, rulesAndAlerts, review, positionIndexes, audit, forwarding];
