/**
 * 1,000 per-site 推荐函. Subject: generateLetters through the service — site and attachment reads, blocking
 * findings, the letter settings, numbering, temp-file write and rename, a letter record per site, the audit
 * entry. Anchor: the same documents (same content, same builder) packed by docx's Packer straight into
 * memory, with none of the service around it. Each iteration starts with no letters, no numbers taken and
 * an empty output folder (not timed).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { presetForYear } from '../../src-main/core/campaign/preset'
import { siteLetterContent, type LetterContent } from '../../src-main/core/letters/content'
import { DEFAULT_LETTER_SETTINGS } from '../../src-main/core/letters/settings'
import { formatDocNo } from '../../src-main/core/letters/docNo'
import { SITE_TYPE_INFO } from '../../src-main/core/sites/fields'
import { putAssociation } from '../../src-main/db/repositories/association'
import { putCampaign } from '../../src-main/db/repositories/campaigns'
import { openApp, type AppContext } from '../../src-main/services/context'
import { packLetter } from '../../src-main/services/letters/build'
import { generateLetters } from '../../src-main/services/letters/generate'
import { compare, type Case } from '../harness'
import { makeSites } from './data'

const SITES = 1000
const NOW = '2021-05-06T08:00:00.000Z'
const ISSUER = { name: '广东省通信行业协会', shortName: '粤通协', contact: '李四', phone: '020-12345678' }

function build(): { dir: string; app: AppContext; contents: LetterContent[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-letters-'))
  const app = openApp({ dataDir: dir, actor: 'bench', now: () => NOW })
  putAssociation(app.db, { ...ISSUER, province: '广东', docPrefix: '粤通协', address: '' }, NOW)
  const config = presetForYear(2021)
  const campaign = putCampaign(app.db, config, NOW, true)
  const putFile = app.db.prepare("INSERT INTO stored_files (sha256, size, created_at) VALUES (?, 1, ?)")
  const putAttachment = app.db.prepare(
    `INSERT INTO attachments (site_id, kind, sha256, original_name, ext, size, mime, added_at)
     VALUES (?, ?, ?, ?, 'pdf', 1, 'application/pdf', ?)`,
  )
  const contents: LetterContent[] = []
  app.db.transaction(() => {
    makeSites(SITES).forEach((v, i) => {
      const code = app.sites.nextCode(`GD-2021-${SITE_TYPE_INFO[v.type].letter}`)
      const id = app.sites.insert(v, { code, campaignId: campaign.id, status: 'approved', now: NOW })
      const attachments = [
        { kind: 'superior-letter', originalName: '上级推荐函.pdf' },
        { kind: 'training-certificate', originalName: '证书.pdf' },
      ]
      for (const [k, a] of attachments.entries()) {
        const sha = `${String(i).padStart(8, '0')}${k}`.padEnd(64, '0')
        putFile.run(sha, NOW)
        putAttachment.run(id, a.kind, sha, a.originalName, NOW)
      }
      contents.push(
        siteLetterContent({
          site: { ...v, code },
          issuer: ISSUER,
          campaign: { year: 2021, name: config.name, noticeNo: config.noticeNo, nationalOffice: config.nationalOffice },
          templates: DEFAULT_LETTER_SETTINGS.templates,
          docNo: formatDocNo('粤通协', 2021, i + 1),
          date: '2021年5月6日',
          attachments,
        }),
      )
    })
  })()
  return { dir, app, contents }
}

export const lettersCase: Case = {
  name: `letters: ${SITES} per-site 推荐函`,
  async run() {
    const { dir, app, contents } = build()
    const outDir = path.join(dir, 'out')
    const layout = { format: DEFAULT_LETTER_SETTINGS.format, fonts: DEFAULT_LETTER_SETTINGS.fonts }
    let generated = 0
    try {
      const result = await compare(
        this.name,
        1.3,
        {
          label: 'generateLetters (service, files, records)',
          setup: () => {
            app.db.exec('DELETE FROM letters; DELETE FROM doc_counters;')
            fs.rmSync(outDir, { recursive: true, force: true })
          },
          body: async () => {
            generated = (await generateLetters(app, { outDir })).generated.length
          },
        },
        {
          label: 'Packer.toBuffer, same documents',
          setup: () => undefined,
          body: async () => {
            for (const c of contents) await packLetter(c, layout)
          },
        },
        { iterations: 3, warmup: 1 },
      )
      if (generated !== SITES) throw new Error(`expected ${SITES} letters, got ${generated}`)
      return { ...result, notes: [`${(result.subject.median / SITES).toFixed(1)} ms per letter through the service`] }
    } finally {
      app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
