// Every character a regular expression reads specially, but the `*` each pattern was split on.
const REGEX_SYNTAX = /[\\^$.+?()[\]{}|/]/g;

/**
 * `~=` for text other than CoT types: true when the text contains the pattern anywhere, ignoring
 * case, `*` standing for any run of characters, none included. So `callsign ~= "alpha"` matches
 * "Alpha 1" and "BRAVO-ALPHA", and `callsign ~= "al*1"` matches "ALPHA 1". There is no way to
 * match a literal `*`; use `=` for that.
 */
export function textPatternMatcher(pattern: string): (text: string) => boolean {
  // Finding each piece after the one before, leftmost first, is enough for wildcards that match
  // any run, and stays linear where one regular expression with several `.*` could backtrack
  // for as long as an attacker's long text and an analyst's many stars make it.
  const pieces = pattern
    .split('*')
    .filter((piece) => piece !== '')
    .map((piece) => new RegExp(piece.replace(REGEX_SYNTAX, '\\$&'), 'giu'));
  return (text) => {
    let at = 0;
    for (const piece of pieces) {
      piece.lastIndex = at;
      if (!piece.test(text)) return false;
      at = piece.lastIndex;
    }
    return true;
  };
}
