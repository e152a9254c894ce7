/**
 * (d) The export writes text that looks like a formula as a text cell, never a formula; the template has its
 * drop-downs; the training roster imports with variants, reports bad rows and upserts by certificate number.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { OpOutput } from '../../../src-main/api/contract'
import { createSite } from '../../../src-main/services/sites/sites'
import { dbSnapshot } from '../../fixtures/roster/db'
import { writeCells } from '../../fixtures/roster/sites'
import { MESSY_TRAINING_ROWS } from '../../fixtures/roster/training'
import { tempDir } from '../../fixtures/roster/tempDir'
import { draft, freshApp, setUpGuangdong } from '../services/helpers'

async function zipText(file: string, entryName: string): Promise<string> {
  const zip = await yauzl.fromBufferPromise(fs.readFileSync(file))
  let text = ''
  for await (const e of zip.eachEntry())
    if (e.fileName === entryName) for await (const c of await zip.openReadStreamPromise(e)) text += c
  return text
}

describe('roster export', () => {
  it('writes a name like =HYPERLINK(...) as a text cell, not a formula', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const evil = '=HYPERLINK("http://example.com/x","点我")'
    createSite(app, draft({ name: evil }))
    createSite(app, draft({ name: '+1 营业厅', address: '@SUM(1)', recommender: '-2' }))
    const out = path.join(tempDir(), '汇总.xlsx')
    const env = await dispatch(app, 'roster.export', { outPath: out })
    expect(env.ok && (env.value as OpOutput<'roster.export'>).sites).toBe(2)

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.getWorksheet('推荐汇总表')!
    expect(ws.getCell('C1').value).toBe('现场名称*')
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell('C2').value).toBe(evil)
    expect(ws.getCell('C3').type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell('J3').value).toBe('@SUM(1)')
    expect(ws.getCell('V1').value).toBe('状态')
    expect(ws.getCell('W1').value).toBe('未处理问题数')
    // 未处理问题数 is the site's findings in the findings table (saving a site may already have checked it).
    const open = (id: number) => (app.db.prepare('SELECT COUNT(*) AS n FROM findings WHERE site_id = ?').get(id) as { n: number }).n
    const ids = app.db.prepare('SELECT id FROM sites ORDER BY id').all() as { id: number }[]
    expect(ws.getCell('W2').value).toBe(open(ids[0].id))
    expect(ws.getCell('W3').value).toBe(open(ids[1].id))
    const xml = await zipText(out, 'xl/worksheets/sheet1.xml')
    expect(xml).not.toContain('<f>')
    // No temp file is left next to the output.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['汇总.xlsx'])
    app.close()
  })

  it('a save place that cannot be written (a path through a file) is said in Chinese with the whole path and the code', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    createSite(app, draft())
    const dir = tempDir()
    const notAFolder = path.join(dir, '说明.txt')
    fs.writeFileSync(notAFolder, '这是文件，不是文件夹')
    const out = path.join(notAFolder, '汇总.xlsx')
    const env = await dispatch(app, 'roster.export', { outPath: out })
    expect(env.ok).toBe(false)
    if (!env.ok) {
      expect(env.error.code).toBe('internal')
      expect(env.error.message).toBe(`保存位置的文件夹不存在，“${out}”未保存（ENOTDIR），请另选保存位置`)
    }
    expect(fs.readdirSync(dir)).toEqual(['说明.txt'])
    expect(fs.readFileSync(notAFolder, 'utf8')).toBe('这是文件，不是文件夹')
    const tmp = path.join(app.dataDir, 'tmp')
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([])
    app.close()
  })

  it('the template carries drop-downs from the hidden list sheet and the campaign window', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const out = path.join(tempDir(), 'tpl.xlsx')
    expect((await dispatch(app, 'roster.template', { outPath: out })).ok).toBe(true)
    const xml = await zipText(out, 'xl/worksheets/sheet1.xml')
    expect(xml).toContain('<pane ySplit="1"') // frozen header
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="D2:D2001"/)
    expect(xml).toContain('&apos;下拉选项&apos;!$D$2:$D$22') // 21 cities of Guangdong
    expect(xml).toContain('本年度申报时间：2021-01-01 至 2021-10-31')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['推荐汇总表', 'visible'],
      ['下拉选项', 'hidden'],
      ['填表说明', 'visible'],
    ])
    expect(wb.getWorksheet('下拉选项')!.getColumn(4).values.slice(2, 4)).toEqual(['广州市', '韶关市'])
    app.close()
  })
})

describe('training roster import', () => {
  it('reads variants, reports bad rows by cell, and upserts by certificate number', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const dir = tempDir()
    const file = path.join(dir, 'training.xlsx')
    await writeCells(file, MESSY_TRAINING_ROWS)
    const before = dbSnapshot(app)
    const refused = await dispatch(app, 'training.importRoster', { path: file })
    expect(refused.ok).toBe(false)
    expect(dbSnapshot(app)).toBe(before)

    const env = await dispatch(app, 'training.importRoster', { path: file, validOnly: true })
    expect(env.ok).toBe(true)
    const r = (env as { value: OpOutput<'training.importRoster'> }).value
    expect(r).toMatchObject({ created: 3, updated: 0, skipped: 2, total: 5 })
    expect(r.errors.map((e) => `${e.row}${e.column}`)).toEqual(['5D', '6C'])
    expect(r.errors[1].message).toContain('第 3 行')
    const rows = app.db.prepare('SELECT trainee, certificate_no, class, issued_on FROM training_records ORDER BY id').all()
    expect(rows).toEqual([
      { trainee: '王五', certificate_no: 'GD2021-001', class: 'lecturer', issued_on: '2021-04-01' },
      { trainee: '赵六', certificate_no: 'GD2021-002', class: 'hall', issued_on: '2021-04-02' },
      { trainee: '周九', certificate_no: 'GD2021-004', class: 'callcenter', issued_on: null },
    ])

    // A corrected roster: 赵六's class changes, 钱七 is fixed; nothing is duplicated.
    const file2 = path.join(dir, 'training2.xlsx')
    await writeCells(file2, [
      ['姓名', '工作单位', '证书编号', '培训班', '发证日期'],
      ['王五', '广州移动', 'GD2021-001', '宣讲师', '2021-04-01'],
      ['赵六', '深圳电信', 'GD2021-002', '装维中心', '2021-04-02'],
      ['钱七', '佛山联通', 'GD2021-003', '营业厅星级评定培训班', '2021-04-03'],
    ])
    const env2 = await dispatch(app, 'training.importRoster', { path: file2 })
    expect(env2.ok && env2.value).toMatchObject({ created: 1, updated: 1, unchanged: 1, skipped: 0 })
    expect((app.db.prepare('SELECT COUNT(*) AS n FROM training_records').get() as { n: number }).n).toBe(4)
    app.close()
  })
})
