import { MAX_BUDGET_BYTES_PER_SECOND, MIN_BUDGET_BYTES_PER_SECOND } from '../../shared/outbox';
import { BYTES_PER_KB, formatBudget, formatKilobitRate } from './byte-units';

export type BudgetReading = { readonly ok: true; readonly bytesPerSecond: number } | { readonly ok: false; readonly problem: string };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Reads a budget typed in KB/s into the bytes a second the core takes, within the bounds the core accepts. */
export function parseBudget(text: string): BudgetReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'Enter the budget in KB/s, such as 1.2 for a 9.6 kbit/s radio link.' };
  if (!DECIMAL.test(trimmed)) return { ok: false, problem: `Outpost cannot read “${trimmed}” as a rate. Enter the budget in KB/s as a number, such as 1.2.` };
  const kilobytesPerSecond = Number(trimmed);
  if (kilobytesPerSecond <= 0) return { ok: false, problem: 'A budget must be more than 0 KB/s. To let the destination send as fast as it can, choose No limit.' };
  const bytesPerSecond = Math.round(kilobytesPerSecond * BYTES_PER_KB);
  if (bytesPerSecond < MIN_BUDGET_BYTES_PER_SECOND) {
    return { ok: false, problem: `The lowest budget is ${describeRate(MIN_BUDGET_BYTES_PER_SECOND)}: anything slower would hold a report for minutes.` };
  }
  if (bytesPerSecond > MAX_BUDGET_BYTES_PER_SECOND) {
    return { ok: false, problem: `The highest budget is ${describeRate(MAX_BUDGET_BYTES_PER_SECOND)}. For a faster link, choose No limit.` };
  }
  return { ok: true, bytesPerSecond };
}

/** The budget as the input shows it, in KB/s with every digit, so saving it unchanged saves the same budget. */
export function budgetInputText(bytesPerSecond: number | null): string {
  return bytesPerSecond === null ? '' : String(bytesPerSecond / BYTES_PER_KB);
}

/** "2 KB/s ≈ 16 kbit/s": the budget in the unit it is typed in and the unit radio links are rated in. */
export function describeRate(bytesPerSecond: number): string {
  return `${formatBudget(bytesPerSecond)} ≈ ${formatKilobitRate(bytesPerSecond)}`;
}
