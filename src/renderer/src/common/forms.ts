import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { AppError, type FieldError } from '../../../shared/errors'
import { issuesToFieldErrors } from '../../../shared/validation'
import type { Warning } from '../../../shared/schemas/common'

export function fieldMessage(t: TFunction, f: FieldError): string {
  return t(`validation.${f.key}`, { ...(f.params ?? {}), defaultValue: t('validation.invalid') })
}

/**
 * A @mantine/form `validate` function from the same zod schema main uses, with the same Dutch
 * messages main would send back.
 */
export function zodValidate<S extends z.ZodType>(schema: S, t: TFunction) {
  return (values: unknown): Record<string, string> => {
    const parsed = schema.safeParse(values)
    if (parsed.success) return {}
    const errors: Record<string, string> = {}
    for (const f of issuesToFieldErrors(parsed.error.issues)) {
      if (!(f.path in errors)) errors[f.path] = fieldMessage(t, f)
    }
    return errors
  }
}

/** Field errors from main, keyed by form path, ready for `form.setErrors`. */
export function serverFieldErrors(t: TFunction, err: unknown): Record<string, string> {
  if (!(err instanceof AppError) || !err.fields) return {}
  const errors: Record<string, string> = {}
  for (const f of err.fields) if (!(f.path in errors)) errors[f.path] = fieldMessage(t, f)
  return errors
}

export function errorMessage(t: TFunction, err: unknown): string {
  if (err instanceof AppError)
    return t(`errors.${err.key}`, { ...(err.params ?? {}), defaultValue: t(`errors.internal`) })
  return t('errors.internal')
}

export function showError(t: TFunction, err: unknown): void {
  // Work the user stopped themselves is no failure: said plainly, not in red.
  const asked = err instanceof AppError && err.key === 'jobCancelled'
  notifications.show({
    color: asked ? 'gray' : 'red',
    title: t('app.name'),
    message: errorMessage(t, err),
  })
}

export function warningText(t: TFunction, w: Warning): string {
  const params = { ...(w.params ?? {}) }
  if (typeof params.until === 'string') params.until = toDutchDateSafe(params.until)
  if (typeof params.date === 'string') params.date = toDutchDateSafe(params.date)
  // "1 kind" / "2 kinderen": i18next picks the plural form by `count`.
  if (typeof params.children === 'number') params.count = params.children
  return t(`warnings.${w.key}`, params)
}

export function showWarnings(t: TFunction, warnings: Warning[]): void {
  for (const w of warnings)
    notifications.show({ color: 'orange', autoClose: 10_000, message: warningText(t, w) })
}

function toDutchDateSafe(day: string): string {
  const [y, m, d] = day.split('-')
  return d && m && y ? `${d}-${m}-${y}` : day
}
