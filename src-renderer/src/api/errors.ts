import type { ErrorShape } from '@contract'

/** An operation's failure as the core reported it; `message` is Chinese and fit to show a user. */
export class ApiError extends Error {
  readonly code: string
  readonly details: unknown

  constructor(shape: ErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.details = shape.details
  }
}

export interface FieldProblem {
  field: string
  message: string
}

const isProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { field?: unknown }).field === 'string' &&
  typeof (value as { message?: unknown }).message === 'string'

/**
 * Field problems of an invalid-input error as `{ fieldName: message }`. Problems found by the input schema
 * carry the full path (`site.phone`); those found by the domain carry the bare name (`phone`). `prefix`
 * names the wrapping object so both map to the same key.
 */
export function fieldErrors(error: unknown, prefix?: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const problems = (error.details as { problems?: unknown } | null | undefined)?.problems
  if (!Array.isArray(problems)) return {}
  const out: Record<string, string> = {}
  for (const problem of problems) {
    if (!isProblem(problem)) continue
    let path = problem.field.split('.')
    if (prefix && path[0] === prefix) path = path.slice(1)
    const key = path[0] ?? ''
    if (key && !out[key]) out[key] = problem.message
  }
  return out
}

/** The Chinese text to show for any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error && error.message) return `出现意外错误：${error.message}`
  return '出现意外错误，请重试'
}
