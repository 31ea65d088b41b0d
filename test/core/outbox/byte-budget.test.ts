import { describe, expect, it } from 'vitest';
import { createByteBudget } from '../../../electron/core/outbox/byte-budget';
import { manualClock } from '../../support/manual-clock';

describe('Given a byte budget of 2,000 bytes a second', () => {
  const RATE = 2_000;

  it('When the link has been idle, Then up to a second of budget goes at once and more waits for its share', () => {
    const clock = manualClock();
    const budget = createByteBudget(clock);

    expect(budget.delayFor(1_500, RATE)).toBe(0);
    budget.charge(1_500, RATE);

    expect(budget.delayFor(1_500, RATE)).toBe(500);
    clock.advance(500);
    expect(budget.delayFor(1_500, RATE)).toBe(0);
  });

  it('When a request is larger than a second of budget, Then it goes once the bucket is full and the debt holds the next one back', () => {
    const clock = manualClock();
    const budget = createByteBudget(clock);

    expect(budget.delayFor(5_000, RATE)).toBe(0);
    budget.charge(5_000, RATE);

    // 3,000 bytes of debt to repay, then 100 bytes of its own.
    expect(budget.delayFor(100, RATE)).toBe(1_550);
  });

  it('When the link stays idle, Then no more than a second of budget is saved up', () => {
    const clock = manualClock();
    const budget = createByteBudget(clock);
    budget.charge(2_000, RATE);
    clock.advance(60_000);
    budget.charge(2_000, RATE);
    expect(budget.delayFor(2_000, RATE)).toBe(1_000);
  });

  it('When the budget is lifted, Then nothing waits, and a budget set again starts full', () => {
    const clock = manualClock();
    const budget = createByteBudget(clock);
    budget.charge(2_000, RATE);
    expect(budget.delayFor(1_000, null)).toBe(0);
    budget.charge(1_000_000, null);
    expect(budget.delayFor(2_000, RATE)).toBe(0);
  });

  it('When the analyst lowers the budget, Then what was saved is capped at a second of the new rate', () => {
    const clock = manualClock();
    const budget = createByteBudget(clock);
    expect(budget.delayFor(2_000, RATE)).toBe(0);
    budget.charge(100, 100);
    expect(budget.delayFor(100, 100)).toBe(1_000);
  });
});
