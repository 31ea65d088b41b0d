/**
 * Turns what the analyst typed into an FTS5 query that reads it as plain words. Each run of
 * non-space characters becomes one quoted string, with its own quotes doubled, so operators such as
 * NEAR, OR, `*`, `^` or `column:` are searched as text and never obeyed. FTS5 joins the strings with
 * AND; a string that holds no word at all (`*`, `-`) matches nothing and adds no condition.
 */
export function ftsMatchOf(text: string): string {
  return text
    .split(/\s+/u)
    .filter((term) => term.length > 0)
    .map((term) => `"${term.replaceAll('"', '""')}"`)
    .join(' ');
}
