import type { MethodName, MethodOutput, MethodParsed } from '../../shared/api'

/** The methods of the contract whose names start with one of the prefixes, e.g. 'households'. */
export type MethodsOf<P extends string> = Extract<MethodName, `${P}.${string}`>

/** One method's service call, given the context its domain needs and the parsed input. */
export type Handler<M extends MethodName, C> = (
  ctx: C,
  input: MethodParsed<M>,
) => Promise<MethodOutput<M>>

/**
 * A domain's part of the handler map: exactly one handler for every method under its prefixes
 * (a missing one does not compile, one of another prefix is an excess property). `C` is the
 * context the domain needs, not all the router has.
 */
export type Slice<P extends string, C> = { [M in MethodsOf<P>]: Handler<M, C> }
