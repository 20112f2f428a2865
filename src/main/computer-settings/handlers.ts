import type { ComputerLanguage, Language } from '../../shared/schemas/computer'
import type { Slice } from '../domains/slice'
import type { ComputerSettings } from './store'

/**
 * What the `computer.*` methods need: the settings of this computer, which the vault holds (it
 * reads the backup folder from them). They are public, as the login screen shows the language:
 * the router runs them on the session-free path, beside logging in.
 */
export interface ComputerContext {
  vault: { readonly settings: ComputerSettings }
}

/** `computer.language`: the language chosen on this computer, or null while none was chosen. */
export async function computerLanguage(ctx: ComputerContext): Promise<ComputerLanguage> {
  return { language: ctx.vault.settings.get('language') }
}

/** `computer.setLanguage`: remembers the screens' language on this computer. */
export async function setComputerLanguage(
  ctx: ComputerContext,
  input: { language: Language },
): Promise<ComputerLanguage> {
  ctx.vault.settings.set('language', input.language)
  return { language: input.language }
}

export const COMPUTER_PREFIXES = ['computer'] as const

/** Exactly one handler for every `computer.*` method. */
export const computerHandlers: Slice<(typeof COMPUTER_PREFIXES)[number], ComputerContext> = {
  'computer.language': computerLanguage,
  'computer.setLanguage': setComputerLanguage,
}
