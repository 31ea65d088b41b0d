/** Narrows a column value that the table's CHECK constraint already limits to `allowed`. */
export function storedChoice<T extends string>(allowed: readonly T[], value: string, table: string): T {
  const known = allowed.find((candidate) => candidate === value);
  if (known === undefined) throw new Error(`The ${table} table holds "${value}" where one of ${allowed.join(', ')} was expected.`);
  return known;
}
