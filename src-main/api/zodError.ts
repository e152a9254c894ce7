import { z } from 'zod'
import { AppError } from '../core/errors'

// Zod's own messages (wrong type, too short...) in Chinese, for every schema of the process that loads this.
z.config(z.locales.zhCN())

/**
 * Zod issues as field problems with a Chinese sentence naming the field path. Apart from dispatch so the
 * desktop main process, which validates IPC arguments but runs no operation, need not load the handlers.
 */
export function zodToError(error: z.ZodError): AppError {
  const problems = error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }))
  const text = problems.map((p) => (p.field ? `${p.field}：${p.message}` : p.message)).join('；')
  return new AppError('invalid-input', `输入有误：${text}`, { problems })
}
