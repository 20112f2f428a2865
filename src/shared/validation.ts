import type { z } from 'zod'
import type { FieldError } from './errors'

/**
 * Turns zod issues into field errors with i18n keys, so main and the renderer's forms show the
 * same Dutch message for the same problem. Schemas that need a specific message set it as
 * `{ error: 'key' }`; those keys pass through unchanged.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue): FieldError => {
    const path = issue.path.map(String).join('.')
    if (issue.message && issue.message.startsWith('v:')) {
      return { path, key: issue.message.slice(2) }
    }
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null
          ? { path, key: 'required' }
          : { path, key: 'invalidType' }
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1)
          return { path, key: 'required' }
        if (issue.origin === 'array')
          return { path, key: 'tooFewItems', params: { min: Number(issue.minimum) } }
        if (issue.origin === 'string')
          return { path, key: 'tooShort', params: { min: Number(issue.minimum) } }
        return { path, key: 'tooSmall', params: { min: Number(issue.minimum) } }
      case 'too_big':
        if (issue.origin === 'array')
          return { path, key: 'tooManyItems', params: { max: Number(issue.maximum) } }
        if (issue.origin === 'string')
          return { path, key: 'tooLong', params: { max: Number(issue.maximum) } }
        return { path, key: 'tooBig', params: { max: Number(issue.maximum) } }
      case 'invalid_format':
        return { path, key: issue.format === 'email' ? 'email' : 'invalidFormat' }
      case 'invalid_value':
        return { path, key: 'invalidOption' }
      case 'unrecognized_keys':
        return { path, key: 'unknownField' }
      default:
        return { path, key: 'invalid' }
    }
  })
}
