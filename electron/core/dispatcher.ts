import type { z } from 'zod';
import { isMethodName, methods, type MethodName, type MethodResult, type ParsedMethodArgs } from '../../shared/contract';
import { describeIssues } from '../../shared/describe-issues';
import { fail, ok, type Result } from '../../shared/result';
import type { Log } from './ports';
import { UserFacingError } from './user-facing-error';

export type Handlers = {
  readonly [M in MethodName]: (args: ParsedMethodArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

export type Dispatch = (method: unknown, args: unknown) => Promise<Result<unknown>>;

/**
 * The single entry point for every host. Method names and arguments arrive as
 * `unknown` from another process and are parsed against the contract before
 * any handler sees them.
 */
export function createDispatcher(handlers: Handlers, log: Log): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) {
      const shown = typeof method === 'string' ? `"${method.slice(0, 100)}"` : `a ${typeof method}`;
      return fail('unknown-method', `Outpost has no method called ${shown}.`);
    }
    return invoke(method, args, handlers, log);
  };
}

async function invoke<M extends MethodName>(method: M, args: unknown, handlers: Handlers, log: Log): Promise<Result<unknown>> {
  return invokeParsed(method, methods[method].args, args, handlers[method] as (args: unknown) => unknown, log);
}

/**
 * Parses `args` against the method's schema, runs its handler, and turns what it throws into a
 * sentence: a UserFacingError's own, anything else a pointer to the log. Hosts use it too, for
 * the methods they answer themselves.
 */
export async function invokeParsed(
  method: string,
  schema: z.ZodType,
  args: unknown,
  handler: (args: unknown) => unknown,
  log: Log,
): Promise<Result<unknown>> {
  const parsed = schema.safeParse(args ?? {});
  if (!parsed.success) {
    return fail('bad-arguments', `${method} was called with bad arguments: ${describeIssues(parsed.error)}.`);
  }
  try {
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof UserFacingError) return fail('failed', error.message);
    log.error(`${method} failed.`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return fail('failed', `Outpost could not complete ${method}. The details are in the log.`);
  }
}
