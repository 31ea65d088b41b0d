import { createRulesEngine, type RulesEngine } from '../../electron/core/rules/rules-engine';
import { recordingLog } from './recording-log';

/** A rules engine with no rules, for tests of the ingest path that are not about alerts. */
export function noRules(): RulesEngine {
  return createRulesEngine({ rules: [], knownUids: () => [], log: recordingLog(), now: () => 0 });
}
