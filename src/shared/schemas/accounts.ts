import { z } from 'zod'
import { logoLayout } from '../image-check'
import { id, normalisePostcode, optionalText, requiredText } from './common'

export const ROLES = ['admin', 'coordinator', 'volunteer'] as const
export type Role = (typeof ROLES)[number]
export const role = z.enum(ROLES, { error: 'v:invalidOption' })

export const PASSWORD_MIN_LENGTH = 10
/** Long enough for a passphrase, short enough that hashing cannot be used to stall main. */
export const PASSWORD_MAX_LENGTH = 200

/**
 * A new password: at least 10 characters. Main also refuses the 1,000 most common passwords and
 * the user's own name; that list stays in main so the renderer does not carry it.
 */
export const newPassword = z
  .string({ error: 'v:required' })
  .min(1, { error: 'v:required', abort: true })
  .min(PASSWORD_MIN_LENGTH, { error: 'v:passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'v:passwordTooLong' })

/** A password typed to log in or unlock: only its size is checked, never its content. */
export const givenPassword = z
  .string({ error: 'v:required' })
  .min(1, { error: 'v:required' })
  .max(PASSWORD_MAX_LENGTH, { error: 'v:passwordTooLong' })

/**
 * Letters, digits, dot, dash and underscore; compared without regard to case. Each way to get it
 * wrong has its own message (the first one found is shown): people type their full name, with
 * spaces, and a repeat of the rule does not tell them that.
 */
export const username = z
  .string({ error: 'v:required' })
  .trim()
  .regex(/^\S*$/, { error: 'v:usernameSpaces' })
  .regex(/^[A-Za-z0-9._\s-]*$/, { error: 'v:usernameCharacters' })
  .min(1, { error: 'v:required' })
  .min(3, { error: 'v:usernameTooShort' })
  .max(40, { error: 'v:usernameTooLong' })
  .transform((s) => s.toLowerCase())

/** A logo as a data URL of a PNG or JPEG, at most about 300 kB. */
export const logoDataUrl = z
  .string()
  .max(400_000, { error: 'v:logoTooLarge' })
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, { error: 'v:logoFormat', abort: true })
  // The bytes must be what the label says: a PNG starts with \x89PNG, a JPEG with FF D8 FF.
  .refine(
    (s) =>
      s.startsWith('data:image/png;base64,iVBORw0KGgo') ||
      s.startsWith('data:image/jpeg;base64,/9j/'),
    { error: 'v:logoFormat', abort: true },
  )
  // And laid out whole as a PNG or JPEG the letterhead can print: the first bytes alone let a
  // damaged file through, and every document with the letterhead then failed.
  .refine((s) => logoLayout(s) !== null, { error: 'v:logoDamaged' })
  .nullish()
  .transform((s) => s ?? null)

/**
 * The organisation's postcode is printed on every letterhead, so it must be a real Dutch one
 * (`1234 AB`, spacing and case normalised); it may be left empty.
 */
export const optionalPostcode = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || !s.trim()) return null
    const n = normalisePostcode(s)
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'v:postcode' })
      return z.NEVER
    }
    return n
  })

export const organisationInput = z.object({
  name: requiredText(120),
  address: optionalText(200),
  postcode: optionalPostcode,
  city: optionalText(80),
  logo: logoDataUrl,
})
export type OrganisationInput = z.input<typeof organisationInput>

export const setupCreateInput = z
  .object({
    organisation: organisationInput,
    admin: z.object({
      username,
      displayName: requiredText(80),
      password: newPassword,
      passwordRepeat: z.string({ error: 'v:required' }),
    }),
  })
  .refine((p) => p.admin.password === p.admin.passwordRepeat, {
    error: 'v:passwordRepeat',
    path: ['admin', 'passwordRepeat'],
  })
export type SetupCreateInput = z.input<typeof setupCreateInput>

export const loginInput = z.object({
  username: z.string({ error: 'v:required' }).trim().min(1, { error: 'v:required' }).max(100),
  password: givenPassword,
})
export type LoginInput = z.input<typeof loginInput>

export const unlockInput = z.object({ password: givenPassword })

export const LOCK_REASONS = ['shortcut', 'button', 'idle', 'os'] as const
export const lockInput = z.object({
  reason: z.enum(LOCK_REASONS, { error: 'v:invalidOption' }).default('button'),
})

/** `activity: true` counts as the user being at the screen; a plain status check does not. */
export const sessionInput = z.object({ activity: z.boolean().default(false) })

export const changePasswordInput = z
  .object({
    currentPassword: givenPassword,
    newPassword,
    newPasswordRepeat: z.string({ error: 'v:required' }),
  })
  .refine((p) => p.newPassword === p.newPasswordRepeat, {
    error: 'v:passwordRepeat',
    path: ['newPasswordRepeat'],
  })
  .refine((p) => p.newPassword !== p.currentPassword, {
    error: 'v:passwordUnchanged',
    path: ['newPassword'],
  })
export type ChangePasswordInput = z.input<typeof changePasswordInput>

export const userCreateInput = z.object({
  username,
  displayName: requiredText(80),
  role,
  /** A first password the admin hands over; the user must choose their own at first login. */
  password: newPassword,
})
export type UserCreateInput = z.input<typeof userCreateInput>

export const userUpdateInput = z.object({
  id,
  displayName: requiredText(80).optional(),
  role: role.optional(),
  active: z.boolean().optional(),
})
export type UserUpdateInput = z.input<typeof userUpdateInput>

export const userResetPasswordInput = z.object({ id, password: newPassword })

export interface Organisation {
  name: string
  address: string | null
  postcode: string | null
  city: string | null
  /** A data URL (PNG or JPEG), or null. */
  logo: string | null
}

export interface SetupStatus {
  /** True until the first admin account exists: the app then shows the setup screen only. */
  needsSetup: boolean
  organisationName: string | null
  /**
   * True while nothing is set up on this computer: the setup screen may then also restore a
   * backup with the recovery key (a new computer).
   */
  canRestore: boolean
}

export interface UserAccount {
  id: number
  username: string
  displayName: string
  role: Role
  active: boolean
  mustChangePassword: boolean
  lastLoginAt: string | null
  createdAt: string
}

/** What the renderer knows about the person at the screen. */
export interface SessionInfo {
  user: { id: number; username: string; displayName: string; role: Role }
  locked: boolean
  mustChangePassword: boolean
  /** Minutes without activity after which the screen locks. */
  lockMinutes: number
  /** For admins: no recovery key exists yet, and the app asks them to make and print one. */
  recoveryKeyMissing: boolean
  /**
   * For admins: a recovery key exists, but nobody confirmed that its sheet was printed and put
   * away; the app keeps asking at every login until someone does (or makes a new key).
   */
  recoveryKeyUnconfirmed?: boolean
}
