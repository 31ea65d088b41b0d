import { hostMethods, isHostMethodName, type HostMethodName, type MethodResult, type ParsedMethodArgs } from '../../shared/contract';
import type { Core } from '../core';
import { invokeParsed } from '../core/dispatcher';
import type { Log } from '../core/ports';

/**
 * One host's answers to the methods it handles itself. A host that cannot do one throws a
 * UserFacingError with the sentence for the analyst, as the core's handlers do.
 */
export type HostMethodHandlers = {
  readonly [M in HostMethodName]: (args: ParsedMethodArgs<M>) => Promise<MethodResult<M>>;
};

/**
 * Puts the host's own methods in front of the core's dispatcher: those are
 * parsed against the contract and answered here, everything else goes to the
 * core unchanged.
 */
export function answeringHostMethods(handlers: HostMethodHandlers, dispatchToCore: Core['dispatch'], log: Log): Core['dispatch'] {
  return async (method, args) =>
    isHostMethodName(method)
      ? invokeParsed(method, hostMethods[method].args, args, handlers[method] as (args: unknown) => unknown, log)
      : dispatchToCore(method, args);
}
