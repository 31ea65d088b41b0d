import { hostMethods, isHostMethodName, type HostMethodName, type MethodResult, type ParsedMethodArgs } from '../../shared/contract';
import { describeIssues } from '../../shared/describe-issues';
import { fail, type Result } from '../../shared/result';
import type { Core } from '../core';
import type { Log } from '../core/ports';

/** One host's answers to the methods it handles itself; a Result, so a refusal is a sentence and not an exception. */
export type HostMethodHandlers = {
  readonly [M in HostMethodName]: (args: ParsedMethodArgs<M>) => Promise<Result<MethodResult<M>>>;
};

/**
 * Puts the host's own methods in front of the core's dispatcher: those are
 * parsed against the contract and answered here, everything else goes to the
 * core unchanged.
 */
export function answeringHostMethods(handlers: HostMethodHandlers, dispatchToCore: Core['dispatch'], log: Log): Core['dispatch'] {
  return async (method, args) => (isHostMethodName(method) ? answer(method, args, handlers, log) : dispatchToCore(method, args));
}

async function answer<M extends HostMethodName>(method: M, args: unknown, handlers: HostMethodHandlers, log: Log): Promise<Result<unknown>> {
  const parsed = hostMethods[method].args.safeParse(args ?? {});
  if (!parsed.success) {
    return fail('bad-arguments', `${method} was called with bad arguments: ${describeIssues(parsed.error)}.`);
  }
  const handler = handlers[method] as (args: ParsedMethodArgs<M>) => Promise<Result<MethodResult<M>>>;
  try {
    return await handler(parsed.data as ParsedMethodArgs<M>);
  } catch (error) {
    log.error(`${method} failed.`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return fail('failed', `Outpost could not complete ${method}. The details are in the log.`);
  }
}
