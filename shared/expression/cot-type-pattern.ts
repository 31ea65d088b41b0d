/**
 * `type ~= pattern` for CoT types. A type is a run of atoms joined by dashes (`a-h-A-M-F`); a
 * pattern is too, and matches a type that starts with the same atoms, atom for atom, case
 * significant, `*` standing for any one atom. So `a-h-A` matches `a-h-A` and `a-h-A-M-F` but not
 * `a-h-AB`; `a-*-A` matches `a-f-A-C` and `a-h-A`, not `a-f-G-E-V-A`; `a-h-*` needs at least one
 * atom after `a-h`. Wildcards stand for exactly one atom so a pattern's atoms keep their places:
 * an `A` third is air, while an `A` sixth in a ground type is armour.
 */
const ATOM = /^(?:[A-Za-z0-9_]+|\*)$/;

/** Why `pattern` is not a type pattern, as the end of a sentence; null when it is one. */
export function typePatternProblem(pattern: string): string | null {
  if (pattern === '') return `the pattern after '~=' is empty; write the start of a CoT type, such as "a-h-A".`;
  const atoms = pattern.split('-');
  if (atoms.includes('')) return `the type pattern "${pattern}" has an empty atom; put one atom or * between each pair of dashes, as in "a-*-A".`;
  const bad = atoms.find((atom) => !ATOM.test(atom));
  if (bad !== undefined) {
    return `"${bad}" in the type pattern "${pattern}" is not an atom; atoms are letters and digits between dashes, and * stands for any one atom, as in "a-*-A".`;
  }
  return null;
}

/**
 * For a pattern typePatternProblem accepts: its atoms need no escaping, and the expression is
 * anchored with no nested repetition, so matching takes one pass over the type.
 */
export function typePatternMatcher(pattern: string): (type: string) => boolean {
  const atoms = pattern.split('-').map((atom) => (atom === '*' ? '[^-]+' : atom));
  const regex = new RegExp(`^${atoms.join('-')}(?:-|$)`);
  return (type) => regex.test(type);
}
