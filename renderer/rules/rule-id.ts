/** The longest id the core accepts. */
const MAX_ID_LENGTH = 64;

/**
 * A rule id made from its name, as the core wants it (lowercase letters, digits and dashes):
 * "Hostile air near BRAVO!" becomes "hostile-air-near-bravo". Accents are dropped, not the letters.
 */
export function ruleIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}
