import { NO_ENTITY, NumberColumn } from './columns';

/**
 * Entities by a deadline each, earliest first: a binary heap that knows where every entity sits,
 * so it never holds more than one entry per entity. Deadlines mostly move later (every fix
 * pushes a silence deadline on), so a later deadline is only noted, and the entity takes its
 * proper place when its old deadline comes up: most entities are heard from again long before
 * then, and a fix costs no heap work at all.
 */
export class DeadlineHeap {
  private readonly order: number[] = [];
  /** Where each entity sits in the heap: never later than its deadline. */
  private readonly keys = new NumberColumn(Number.NaN);
  private readonly deadlines = new NumberColumn(Number.NaN);
  private readonly positions = new NumberColumn(NO_ENTITY);

  set(entity: number, deadline: number): void {
    this.deadlines.set(entity, deadline);
    const position = this.positions.get(entity);
    if (position === NO_ENTITY) {
      this.keys.set(entity, deadline);
      this.order.push(entity);
      this.siftUp(this.order.length - 1);
    } else if (deadline < this.keys.get(entity)) {
      this.keys.set(entity, deadline);
      this.siftUp(position);
    }
  }

  remove(entity: number): void {
    const position = this.positions.get(entity);
    if (position === NO_ENTITY) return;
    this.positions.set(entity, NO_ENTITY);
    const last = this.order.pop() as number;
    if (last === entity) return;
    this.place(last, position);
    this.siftUp(position);
    this.siftDown(this.positions.get(last));
  }

  /** Takes out and returns an entity whose deadline is at or before `now`, or NO_ENTITY when none is. */
  takeDue(now: number): number {
    while (this.order.length > 0) {
      const first = this.order[0] as number;
      if (this.keys.get(first) > now) return NO_ENTITY;
      const deadline = this.deadlines.get(first);
      if (deadline <= now) {
        this.remove(first);
        return first;
      }
      this.keys.set(first, deadline);
      this.siftDown(0);
    }
    return NO_ENTITY;
  }

  private place(entity: number, position: number): void {
    this.order[position] = entity;
    this.positions.set(entity, position);
  }

  private siftUp(start: number): void {
    const entity = this.order[start] as number;
    const key = this.keys.get(entity);
    let position = start;
    while (position > 0) {
      const parentPosition = (position - 1) >> 1;
      const parent = this.order[parentPosition] as number;
      if (this.keys.get(parent) <= key) break;
      this.place(parent, position);
      position = parentPosition;
    }
    this.place(entity, position);
  }

  private siftDown(start: number): void {
    const entity = this.order[start] as number;
    const key = this.keys.get(entity);
    const size = this.order.length;
    let position = start;
    for (;;) {
      const left = 2 * position + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.keys.get(this.order[right] as number) < this.keys.get(this.order[left] as number) ? right : left;
      const childEntity = this.order[child] as number;
      if (this.keys.get(childEntity) >= key) break;
      this.place(childEntity, position);
      position = child;
    }
    this.place(entity, position);
  }
}
