/**
 * Real attachments for check tests, added through the attachments service (real files in the store), and a
 * site draft that passes every check once its letters are attached.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { SiteDraft } from '../../../src-main/core/sites/draft'
import type { AppContext } from '../../../src-main/services/context'
import { addAttachments } from '../../../src-main/services/attachments/attachments'
import { draft } from '../services/helpers'
import { afterEach } from 'vitest'
import { tempDir as makeTempDir } from '../../helpers/tmp'
import { VALID_USCC } from './fixtures'

let counter = 0

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

/** A temp folder (test/helpers/tmp.ts) removed after the test. */
export function tempDir(prefix = 'starsite-checks-'): string {
  const t = makeTempDir(prefix)
  cleanups.push(t.cleanup)
  return t.dir
}

/** A small real PDF-looking file (the door check sniffs %PDF-), unique unless `body` is given. */
export function pdfFile(body = `scan ${++counter} ${Date.now()}`): string {
  const file = path.join(tempDir('starsite-att-'), `f${++counter}.pdf`)
  fs.writeFileSync(file, `%PDF-1.4\n% ${body}\n%%EOF\n`)
  return file
}

export async function attach(app: AppContext, siteId: number, kind: string, file = pdfFile()) {
  const [a] = await addAttachments(app, siteId, kind, [{ path: file, name: `${kind}.pdf` }])
  return a
}

export const storedFile = (app: AppContext, sha256: string) => path.join(app.dataDir, 'files', sha256.slice(0, 2), sha256)

export function goodDraft(overrides: SiteDraft = {}): SiteDraft {
  return draft({ uscc: VALID_USCC, areaSqm: 300, email: 'tianhe@gd.example.cn', ...overrides })
}
