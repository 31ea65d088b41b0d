import type { FixRow } from './fix-row';

/** Fixes waiting to be folded, earliest key (time, entity, record id) first: a binary min-heap. */
export class FixQueue {
  private readonly heap: FixRow[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): FixRow | undefined {
    return this.heap[0];
  }

  push(fix: FixRow): void {
    const heap = this.heap;
    let index = heap.push(fix) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as FixRow;
      if (!comesBefore(fix, above)) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = fix;
  }

  pop(): FixRow | undefined {
    const heap = this.heap;
    const first = heap[0];
    const last = heap.pop();
    if (first === undefined || last === undefined || heap.length === 0) return first;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && comesBefore(heap[right] as FixRow, heap[left] as FixRow) ? right : left;
      const below = heap[child] as FixRow;
      if (!comesBefore(below, last)) break;
      heap[index] = below;
      index = child;
    }
    heap[index] = last;
    return first;
  }

  clear(): void {
    this.heap.length = 0;
  }
}

function comesBefore(a: FixRow, b: FixRow): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.entity !== b.entity) return a.entity < b.entity;
  return a.recordId < b.recordId;
}
