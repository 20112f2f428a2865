/** Error codes that may cross the boundary between main and renderer. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'LOCKED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * A field-level problem. `key` is an i18n key under `validation.` (for example `required`),
 * `params` fills its placeholders. `path` uses dots, as @mantine/form does (`members.0.birthYear`).
 */
export interface FieldError {
  path: string
  key: string
  params?: Record<string, string | number>
}

/** What an AppError looks like once serialised across IPC or HTTP. */
export interface AppErrorData {
  code: ErrorCode
  /** i18n key under `errors.` that explains the problem to the user. */
  key: string
  params?: Record<string, string | number>
  fields?: FieldError[]
  details?: unknown
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly key: string
  readonly params?: Record<string, string | number>
  readonly fields?: FieldError[]
  readonly details?: unknown

  constructor(data: AppErrorData) {
    super(`${data.code}: ${data.key}`)
    this.name = 'AppError'
    this.code = data.code
    this.key = data.key
    this.params = data.params
    this.fields = data.fields
    this.details = data.details
  }

  toJSON(): AppErrorData {
    return {
      code: this.code,
      key: this.key,
      params: this.params,
      fields: this.fields,
      details: this.details,
    }
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code)
  )
}

export function validationError(fields: FieldError[]): AppError {
  return new AppError({ code: 'VALIDATION', key: 'validation', fields })
}

export function notFound(entity: string): AppError {
  return new AppError({ code: 'NOT_FOUND', key: 'notFound', params: { entity } })
}

export function conflict(
  key: string,
  params?: Record<string, string | number>,
  details?: unknown,
): AppError {
  return new AppError({ code: 'CONFLICT', key, params, details })
}

/** The envelope every API call answers with; errors are values, not thrown across the boundary. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }
