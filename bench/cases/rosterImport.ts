/**
 * Importing a 5,000-row roster the whole way — preview (zip checks, the workbook reader, header, readSiteDraft,
 * plan with rule warnings) then commit (re-read and hash, the backup before, one transaction with the sites,
 * their audit entries and their findings) — against exceljs merely loading the same file
 * (workbook.xlsx.readFile). Each iteration gets a fresh data folder, set up outside the timing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { ROSTER_COLUMNS } from '../../src-main/core/roster/columns'
import { SITE_TYPE_INFO, STAR_LABELS } from '../../src-main/core/sites/fields'
import { openApp, type AppContext } from '../../src-main/services/context'
import { commitRoster } from '../../src-main/services/roster/commit'
import { previewRoster } from '../../src-main/services/roster/preview'
import { saveAssociation } from '../../src-main/services/settings/association'
import { compare, type Case } from '../harness'
import { makeSites } from './data'

const COUNT = 5_000

async function writeRoster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('推荐汇总表')
  ws.addRow(ROSTER_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)))
  makeSites(COUNT).forEach((s, i) => {
    const values: Record<string, unknown> = {
      ...s,
      seq: i + 1,
      code: null,
      type: SITE_TYPE_INFO[s.type].label,
      starLevel: STAR_LABELS[s.starLevel],
      certificates: s.certificates.join('、'),
      applyDate: new Date(`${s.applyDate}T00:00:00Z`),
    }
    ws.addRow(ROSTER_COLUMNS.map((c) => values[c.field] ?? null))
  })
  await wb.xlsx.writeFile(file)
}

interface State {
  dir: string
  app: AppContext
}

export const rosterImportCase: Case = {
  name: `import a ${COUNT.toLocaleString('en')}-row roster`,
  async run() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-roster-'))
    const file = path.join(work, 'roster.xlsx')
    await writeRoster(file)
    let created = -1
    try {
      const result = await compare(
        this.name,
        1.5,
        {
          label: 'preview + commit (whole import)',
          setup: (): State => {
            const dir = fs.mkdtempSync(path.join(work, 'data-'))
            const app = openApp({ dataDir: dir, actor: 'bench', now: () => '2021-05-06T08:00:00.000Z' })
            saveAssociation(app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' }, 2021)
            return { dir, app }
          },
          body: async ({ app }) => {
            const preview = await previewRoster(app, file)
            const r = await commitRoster(app, { path: file, fileSha256: preview.fileSha256, validOnly: true })
            created = r.created + r.updated
          },
          teardown: ({ dir, app }) => {
            app.close()
            fs.rmSync(dir, { recursive: true, force: true })
          },
        },
        {
          label: 'exceljs workbook.xlsx.readFile (anchor)',
          setup: () => null,
          body: async () => {
            await new ExcelJS.Workbook().xlsx.readFile(file)
          },
        },
        { iterations: 5, warmup: 1 },
      )
      result.notes = [`${created} sites stored per import; file ${(fs.statSync(file).size / 1024).toFixed(0)} KB`]
      return result
    } finally {
      fs.rmSync(work, { recursive: true, force: true })
    }
  },
}
