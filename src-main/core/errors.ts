/**
 * The one error type that crosses every boundary. `message` is Chinese and fit to show a user as it is;
 * `code` is stable English for programs and tests; `details` carries structured facts (field, row...).
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unknown-operation'
  | 'cancelled'
  | 'db-too-new'
  | 'db-not-starsite'
  | 'not-initialised'
  | 'forbidden'
  /** An operation of the other role: a province's on the national office's folder, or the other way round. */
  | 'wrong-role'
  | 'internal'

export interface FieldProblem {
  field: string
  message: string
}

export interface ErrorShape {
  code: ErrorCode
  message: string
  details?: unknown
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toShape(): ErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

export function invalid(message: string, problems?: FieldProblem[]): AppError {
  return new AppError('invalid-input', message, problems ? { problems } : undefined)
}
