import { describe, expect, it } from 'vitest';
import { NO_ENTITY } from '../../../electron/core/rules/columns';
import { DeadlineHeap } from '../../../electron/core/rules/deadline-heap';
import { seeded } from '../../support/seeded';

describe('Given a deadline heap under a random mix of new deadlines, removals and passing time', () => {
  it('When time passes, Then exactly the entities whose latest deadline has come are taken, each once', () => {
    const random = seeded(11);
    const heap = new DeadlineHeap();
    const expected = new Map<number, number>();
    let now = 0;

    for (let step = 0; step < 20_000; step += 1) {
      const entity = Math.floor(random() * 300);
      const choice = random();
      if (choice < 0.7) {
        // Mostly later, as a fix pushes a silence deadline on; sometimes earlier, as a stale time may.
        const deadline = now + (random() < 0.8 ? 1_000 + random() * 60_000 : random() * 2_000);
        heap.set(entity, deadline);
        expected.set(entity, deadline);
      } else if (choice < 0.8) {
        heap.remove(entity);
        expected.delete(entity);
      } else {
        now += random() * 3_000;
        const taken: number[] = [];
        for (let due = heap.takeDue(now); due !== NO_ENTITY; due = heap.takeDue(now)) taken.push(due);
        const dueNow = [...expected].filter(([, deadline]) => deadline <= now).map(([due]) => due);
        for (const due of dueNow) expected.delete(due);
        expect(taken.sort((a, b) => a - b)).toEqual(dueNow.sort((a, b) => a - b));
      }
    }
    expect(expected.size).toBeGreaterThan(0);
  });
});
