/** Letter settings (format, font names, wording) in app_settings, audited like every other change. */
import { invalid } from '../../core/errors'
import {
  letterSettingsSchema,
  mergeLetterSettings,
  type LetterSettings,
} from '../../core/letters/settings'
import { appendAudit } from '../../db/repositories/audit'
import { LetterRepository } from '../../db/repositories/letters'
import type { AppContext } from '../context'

const KEY = 'letters'

export function getLetterSettings(app: AppContext): LetterSettings {
  return mergeLetterSettings(new LetterRepository(app.db).getSetting(KEY))
}

export function saveLetterSettings(app: AppContext, input: unknown): LetterSettings {
  const parsed = letterSettingsSchema.safeParse(input)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))
    throw invalid(problems.map((p) => p.message).join('；'), problems)
  }
  const now = app.now()
  app.db.transaction(() => {
    const repo = new LetterRepository(app.db)
    const before = mergeLetterSettings(repo.getSetting(KEY))
    repo.putSetting(KEY, parsed.data, now)
    appendAudit(
      app.db,
      { actor: app.actor, action: 'update', entity: 'letter-settings', entityId: KEY, summary: '修改推荐函模板与格式设置', details: { before, after: parsed.data } },
      now,
    )
  })()
  return parsed.data
}
