/**
 * Per-entity state kept in columns indexed by the engine's entity numbers rather than in maps
 * keyed by uid: a decoded uid is a new string on every record, and hashing it again in each of
 * twenty rules cost more than all the rules' judging together.
 */

const INITIAL_LENGTH = 1_024;

/** Numbers by entity number; an entry never set reads as `unset`. */
export class NumberColumn {
  private values: Float64Array;

  constructor(private readonly unset: number) {
    this.values = new Float64Array(INITIAL_LENGTH).fill(unset);
  }

  get(index: number): number {
    return index < this.values.length ? (this.values[index] as number) : this.unset;
  }

  set(index: number, value: number): void {
    if (index >= this.values.length) this.growTo(index);
    this.values[index] = value;
  }

  private growTo(index: number): void {
    let length = this.values.length * 2;
    while (length <= index) length *= 2;
    const grown = new Float64Array(length).fill(this.unset);
    grown.set(this.values);
    this.values = grown;
  }
}

/** Objects by entity number; an entry never set reads as null. */
export class ObjectColumn<T> {
  private readonly values: (T | null)[] = [];

  get(index: number): T | null {
    return index < this.values.length ? (this.values[index] as T | null) : null;
  }

  set(index: number, value: T | null): void {
    // Filled up to the index rather than written past the end, so the array never has holes.
    while (this.values.length < index) this.values.push(null);
    this.values[index] = value;
  }
}

/** An entity number no entity has, for "none" in columns of entity numbers. */
export const NO_ENTITY = -1;
