import { LETTER_FIELDS } from '../../core/letters/templates'
import type { LetterSettings } from '../../core/letters/settings'
import { generateCoverLetter, generateLetters, listLetters, renumberLetter } from '../../services/letters/generate'
import { previewLetter } from '../../services/letters/preview'
import { getLetterSettings, saveLetterSettings } from '../../services/letters/settings'
import type { HandlersFor } from '../handler'
import type { lettersOps } from './contract'

const withFields = (s: LetterSettings) => ({ ...s, fields: { ...LETTER_FIELDS } })

export const lettersHandlers: HandlersFor<typeof lettersOps> = {
  'letters.generate': async (input, { app, job }) => {
    const { generated, skipped } = await generateLetters(app, { siteIds: input.siteIds, outDir: input.outDir }, job)
    return { generated, skipped }
  },
  'letters.cover': async (input, { app }) => {
    const { path, docNo } = await generateCoverLetter(app, { siteIds: input.siteIds, fingerprint: input.fingerprint })
    return { path, docNo }
  },
  'letters.list': (_input, { app }) => ({ letters: listLetters(app) }),
  'letters.renumber': (input, { app }) => renumberLetter(app, input.letterId),
  'letters.templates.get': (_input, { app }) => withFields(getLetterSettings(app)),
  'letters.templates.save': (input, { app }) => withFields(saveLetterSettings(app, input)),
  'letters.preview': (input, { app }) => previewLetter(app, input),
}
