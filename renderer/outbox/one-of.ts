/** The choice a select's value names, or the fallback when it names none (a value the code did not offer). */
export function oneOf<T extends string>(choices: readonly T[], value: string, fallback: T): T {
  return choices.find((choice) => choice === value) ?? fallback;
}
