/**
 * (b) Rosters as operators really send them: a title row above the header, columns shuffled and renamed,
 * extra columns, merged header and data cells, formulas, rich text, links, full-width digits, star variants,
 * several certificates in one cell, blank rows, and a workbook in the 1904 date system.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { OpOutput } from '../../../src-main/api/contract'
import { writeCells } from '../../fixtures/roster/sites'
import { freshApp, setUpGuangdong } from '../services/helpers'
import { tempDir } from '../../fixtures/roster/tempDir'

const HEADER = [
  '服务现场名称', // A
  '类型', // B
  '所属运营商', // C
  '申报单位', // D
  '社会信用代码', // E
  '地市', // F
  '详细地址', // G (merged G3:H3)
  null, // H: part of the merged header
  '星级', // I
  '负责人', // J
  '手机', // K
  '申报日期', // L
  '证书编号', // M
  '营业面积(平方米)', // N  half-width brackets
  '内部备注', // O  extra
  '电子邮箱', // P
  '审核意见', // Q  extra
]

async function preview(app: ReturnType<typeof freshApp>, file: string) {
  const env = await dispatch(app, 'roster.preview', { path: file })
  if (!env.ok) throw new Error(env.error.message)
  return env.value as OpOutput<'roster.preview'>
}

describe('messy rosters', () => {
  it('reads title rows, variants, merges, formulas, rich text, links, full-width digits and star variants', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const file = path.join(tempDir('starsite-messy-'), 'messy.xlsx')
    const row = (name: unknown, type: unknown, star: unknown, phone: unknown, date: unknown, certs: unknown, extra: unknown = null) => [
      name, type, '移动', '中国移动通信集团广东有限公司', '９１４４０３００１９２２０３８２１６', '广州', '广州市天河路 1 号', null, star, '张三', phone, date, certs, 150, extra, null, null,
    ]
    await writeCells(
      file,
      [
        ['2021年星级服务现场推荐汇总表（中国移动广东公司）'], // 1: title, merged across
        [], // 2: blank
        HEADER, // 3
        row({ richText: [{ text: '天河' }, { text: '旗舰营业厅', font: { bold: true } }] }, { formula: '"营业"&"厅"', result: '营业厅' }, '★★★', '１３８００１３８０００', '2021年5月6日', 'A001、A002；A003\nA004', '内部'), // 4
        [], // 5: blank
        row('越秀营业厅', '电信业务实体营业厅', '三星级', '020-83331234', new Date(Date.UTC(2021, 4, 7)), 'B001,B002'), // 6
        row('番禺营业厅', '营业厅', 3, '13800138001', '2021/5/8', null), // 7 recommender merged D7:D8 (below)
        row('白云营业厅', '营业厅', '四星', '13800138002', '2021.5.9', null), // 8
      ],
      (ws) => {
        ws.mergeCells('A1:F1')
        ws.mergeCells('G3:H3')
        ws.mergeCells('D7:D8')
        ws.getCell('P4').value = { text: 'shop@example.com', hyperlink: 'mailto:shop@example.com' }
        ws.getCell('L6').numFmt = 'yyyy-mm-dd'
      },
    )
    const p = await preview(app, file)
    expect(p.headerRow).toBe(3)
    expect(p.columns).toMatchObject({ name: 'A', type: 'B', enterprise: 'C', recommender: 'D', uscc: 'E', city: 'F', address: 'G', starLevel: 'I', manager: 'J', phone: 'K', applyDate: 'L', certificates: 'M', areaSqm: 'N', email: 'P' })
    expect(p.ignoredColumns).toEqual([
      { column: 'O', header: '内部备注' },
      { column: 'Q', header: '审核意见' },
    ])
    expect(p.rows.map((r) => r.row)).toEqual([4, 6, 7, 8]) // blank row 5 skipped
    expect(p.rows.map((r) => [r.status, r.problems.filter((x) => x.kind === 'error')])).toEqual(p.rows.map(() => ['new', []]))
    const [a, b, c, d] = p.rows.map((r) => r.values)
    expect(a).toMatchObject({
      name: '天河旗舰营业厅',
      type: '营业厅',
      enterprise: '中国移动',
      uscc: '914403001922038216',
      starLevel: '三星级',
      phone: '13800138000',
      applyDate: '2021-05-06',
      certificates: 'A001、A002、A003、A004',
      email: 'shop@example.com',
      city: '广州',
    })
    expect(b).toMatchObject({ starLevel: '三星级', applyDate: '2021-05-07', certificates: 'B001、B002' })
    expect(c).toMatchObject({ starLevel: '三星级', applyDate: '2021-05-08', recommender: '中国移动通信集团广东有限公司' })
    expect(d).toMatchObject({ starLevel: '四星级', applyDate: '2021-05-09', recommender: '中国移动通信集团广东有限公司' })

    const commit = await dispatch(app, 'roster.commit', { path: file, fileSha256: p.fileSha256 })
    expect(commit.ok && (commit.value as OpOutput<'roster.commit'>).created).toBe(4)
    const stored = app.db.prepare('SELECT name, star_level, certificates, apply_date FROM sites ORDER BY id').all()
    expect(stored[0]).toEqual({ name: '天河旗舰营业厅', star_level: 3, certificates: '["A001","A002","A003","A004"]', apply_date: '2021-05-06' })
    app.close()
  })

  it('reads dates of a workbook in the 1904 date system, as date cells and as bare serial numbers', async () => {
    const app = freshApp()
    setUpGuangdong(app)
    const file = path.join(tempDir('starsite-1904-'), 'mac.xlsx')
    const header = ['现场名称', '现场类型', '所属企业', '推荐单位', '统一社会信用代码', '所在地市', '详细地址', '申报星级', '现场负责人', '联系电话', '申报日期', '营业面积']
    const base = ['营业厅', '中国电信', '中国电信广东分公司', '914403001922038216', '深圳市', '深圳市福田路 2 号', 3, '李四', '13900139000']
    await writeCells(
      file,
      [header, ['福田营业厅', ...base, new Date(Date.UTC(2021, 4, 6)), 100], ['南山营业厅', ...base.map((v) => (v === '深圳市福田路 2 号' ? '深圳市南山路 3 号' : v)), 42860, 100]],
      (ws, wb) => {
        wb.properties.date1904 = true
        ws.getCell('K2').numFmt = 'yyyy-mm-dd'
      },
    )
    // The flag really is in the file, so the test exercises the 1904 path.
    const { default: yauzl } = await import('yauzl')
    const zip = await yauzl.fromBufferPromise(fs.readFileSync(file))
    let workbookXml = ''
    for await (const e of zip.eachEntry())
      if (e.fileName === 'xl/workbook.xml') for await (const c of await zip.openReadStreamPromise(e)) workbookXml += c
    expect(workbookXml).toContain('date1904="1"')

    const p = await preview(app, file)
    expect(p.rows.map((r) => [r.status, r.values.applyDate])).toEqual([
      ['new', '2021-05-06'],
      ['new', '2021-05-06'], // serial 42860 counted from 1904-01-01
    ])
    app.close()
  })
})
