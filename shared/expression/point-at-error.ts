import type { ExpressionError } from './expression-error';

/**
 * The line of the expression the error is on, with carets under the problem, for a monospace
 * display: `speed >` and its error give "speed >\n       ^". Tabs before the problem are kept in
 * the caret line so the caret stays aligned wherever the tab stops fall.
 */
export function pointAtError(text: string, error: ExpressionError): string {
  const offset = error.column - 1;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const indent = line.slice(0, offset - lineStart).replace(/[^\t]/g, ' ');
  const carets = Math.max(1, Math.min(error.length, line.length - indent.length));
  return `${line}\n${indent}${'^'.repeat(carets)}`;
}
