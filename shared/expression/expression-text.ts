import { z } from 'zod';
import { compileExpression } from './compile-expression';

/**
 * An expression in a contract: trimmed, then refused at the boundary with the compiler's own
 * sentence, which covers the empty text and the length limit too. Columns count from the first
 * character after trimming.
 */
export const ExpressionTextSchema = z
  .string()
  .trim()
  .superRefine((text, context) => {
    const compiled = compileExpression(text);
    if (!compiled.ok) context.addIssue({ code: 'custom', message: compiled.error.message });
  });
