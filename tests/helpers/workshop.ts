import type { Clock } from '../../src/main/clock'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { createRouter, type Router } from '../../src/main/router'
import type { Vault } from '../../src/main/vault/vault'
import type { Workshop } from '../../src/main/domains/workshop/workshop'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { AppError } from '../../src/shared/errors'
import { TEST_PASSWORD_PARAMS } from './db'

export type WorkshopCall = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  caller: Caller,
) => Promise<MethodOutput<M>>

/**
 * The real router over the real data with an oefenomgeving beside it, as the app builds it, and
 * a call through it that throws main's refusal as an AppError.
 */
export function workshopRouter(
  real: Vault,
  workshop: Workshop,
  clock: Clock,
): { router: Router; call: WorkshopCall } {
  const router = createRouter({
    vault: real,
    clock,
    workshop,
    logError: () => undefined,
    passwordParams: TEST_PASSWORD_PARAMS,
  })
  const call: WorkshopCall = async (method, input, caller) => {
    const result = await router.call(caller, method, input)
    if (!result.ok) throw new AppError(result.error)
    return result.value as never
  }
  return { router, call }
}
