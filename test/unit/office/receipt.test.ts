/**
 * The office's 回执 for real bundles built and signed by the province side: the .docx as LibreOffice renders
 * it (pdftotext), its 文号 from the office's own counter, kept when written again, and the bundles that get
 * none (held for key confirmation, unknown).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/core/errors'
import { openDatabase } from '../../../src-main/db/connection'
import { openOfficeDatabase } from '../../../src-main/db/office/connection'
import { OFFICE_MIGRATIONS } from '../../../src-main/db/office/migrations'
import { getOfficeDocPrefix, getOfficeProfile } from '../../../src-main/db/office/profile'
import { groupedHash } from '../../../src-main/core/office/receipt'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import { listReceipts } from '../../../src-main/db/office/receipts'
import { openOffice } from '../../../src-main/services/office/context'
import { addKey } from '../../../src-main/services/office/keys'
import { initOffice } from '../../../src-main/services/office/profile'
import { RECEIPTS_DIR, writeReceipt } from '../../../src-main/services/office/receipt'
import { receive } from '../../../src-main/services/office/receive'
import { runCli } from '../cli/run'
import { expectLetterFormat, pdfInfo, pdfPages, readZip, toPdf } from '../letters/helpers'
import { changeStarLevel, fileList, newOffice, province, tempDir } from './helpers'

const OFFICE_NAME = '中国通信企业协会信息通信服务工作委员会服务现场质量推进活动办公室'
const A4 = /^595(\.\d+)? x 841\.89|^595(\.\d+)? x 842/

async function receiveOne(office: Parameters<typeof receive>[0], file: string) {
  const [outcome] = await receive(office, [file])
  if (outcome.status !== 'ingested') throw new Error(`${outcome.status}: ${outcome.message}`)
  return outcome
}

/** The PDF's text with the spaces pdftotext -layout puts between characters removed, pages joined. */
async function pdfText(pdf: string): Promise<{ text: string; pages: string[] }> {
  const pages = (await pdfPages(pdf)).map((p) => p.replace(/[ \t]+/g, ''))
  return { text: pages.join('\n'), pages }
}

describe('office 回执', () => {
  it('for two provinces and a re-sent bundle: 文号 in sequence, kept when written again, the facts in the text LibreOffice shows', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    let tick = 0
    const { office } = initOffice(
      { dataDir: tempDir('starsite-office-'), actor: '推进办', now: () => new Date(Date.UTC(2021, 5, 1, 8, 0, tick++)).toISOString() },
      { name: OFFICE_NAME, shortName: '推进办', year: 2021 },
    )
    try {
      addKey(office, { province: '广东', file: gd.publicKeyFile })
      addKey(office, { province: '浙江', fingerprint: zj.fingerprint })
      const drop = tempDir('starsite-drop-')
      const gdFirst = await receiveOne(office, await gd.bundle(path.join(drop, '广东_第一次.zip')))
      const zjFirst = await receiveOne(office, await zj.bundle(path.join(drop, '浙江.zip')))

      const a = await writeReceipt(office, gdFirst.bundleId!)
      expect(a.docNumber).toBe('推进办函〔2021〕1号')
      expect(a.fileName).toBe('回执_广东_推进办函〔2021〕1号.docx')
      expect(a.path).toBe(path.join(office.dataDir, RECEIPTS_DIR, a.fileName))
      expect(a.size).toBe(fs.statSync(a.path).size)

      // A file that is not .docx is refused before anything is numbered.
      const notDocx = await writeReceipt(office, zjFirst.bundleId!, { out: path.join(tempDir('starsite-x-'), 'r.pdf') }).catch((e: unknown) => e)
      expect((notDocx as AppError).code).toBe('invalid-input')

      // The second bundle gets the next number, written where asked.
      const outDir = tempDir('starsite-receipt-out-')
      const b = await writeReceipt(office, zjFirst.bundleId!, { out: path.join(outDir, '浙江回执.docx') })
      expect(b).toMatchObject({ docNumber: '推进办函〔2021〕2号', fileName: '浙江回执.docx', path: path.join(outDir, '浙江回执.docx') })

      // Written again: same number and date, same file, no number used up.
      const again = await writeReceipt(office, gdFirst.bundleId!)
      expect(again).toMatchObject({ docNumber: '推进办函〔2021〕1号', path: a.path })
      const docA = (await readZip(a.path)).get('word/document.xml')!
      expect(docA).toContain('推进办函〔2021〕1号')
      expect(listReceipts(office.db).map((r) => [r.bundleId, r.docNo])).toEqual([
        [gdFirst.bundleId, '推进办函〔2021〕1号'],
        [zjFirst.bundleId, '推进办函〔2021〕2号'],
      ])

      // 广东 sends again with one site's star level changed: its receipt names the change.
      changeStarLevel(gd, 0, 5)
      const gdSecond = await receiveOne(office, await gd.bundle(path.join(tempDir('starsite-drop2-'), '广东_第二次.zip')))
      expect(gdSecond.supersededBundleId).toBe(gdFirst.bundleId)
      const c = await writeReceipt(office, gdSecond.bundleId!)
      expect(c.docNumber).toBe('推进办函〔2021〕3号')
      expect(fileList(path.join(office.dataDir, RECEIPTS_DIR))).toEqual(['回执_广东_推进办函〔2021〕1号.docx', '回执_广东_推进办函〔2021〕3号.docx'])

      // The 信函格式 page as the letters tests check it, with the office's full name as the red 发文机关.
      const zip = await readZip(a.path)
      expectLetterFormat(zip, OFFICE_NAME)

      const pdfDir = tempDir('starsite-receipt-pdf-')
      const [pdfA, pdfB, pdfC] = await toPdf([a.path, b.path, c.path], pdfDir)
      // A first bundle's receipt fits on one page; one for a changed bundle runs onto a second, then its annex.
      for (const [pdf, pages] of [[pdfA, 1], [pdfB, 1], [pdfC, 3]] as const) {
        const info = await pdfInfo(pdf)
        expect(info.size).toMatch(A4)
        expect(info.pages).toBe(pages)
      }

      const ta = await pdfText(pdfA)
      const flatA = ta.text.replace(/\n/g, '')
      // The long name shrinks to stay on one line of the letterhead.
      expect(ta.text.split('\n').some((line) => line.includes(OFFICE_NAME))).toBe(true)
      expect(flatA).toContain('推进办函〔2021〕1号')
      expect(flatA).toContain('关于收到广东省2021年星级服务现场推荐报送包的回执')
      expect(flatA).toContain('广东省通信行业协会：')
      expect(flatA).toContain('广东_第一次.zip')
      expect(flatA).toContain('2021年6月1日')
      expect(flatA).toContain(`签名公钥指纹：${gd.fingerprint.replace(/ /g, '')}`)
      expect(flatA).toContain(`SHA-256校验值：${groupedHash(gdFirst.sha256!).replace(/ /g, '')}`)
      expect(flatA).toContain(`收到现场${gdFirst.sites}个、文件${gdFirst.files}个`)
      expect(gdFirst.sites).toBe(2)
      expect(gdFirst.files).toBeGreaterThanOrEqual(4)
      expect(flatA).toContain('发现的问题：无。')
      expect(flatA).not.toContain('替代')
      expect(ta.text).not.toMatch(/—\s*1\s*—/)

      const flatB = (await pdfText(pdfB)).text.replace(/\n/g, '')
      expect(flatB).toContain('推进办函〔2021〕2号')
      expect(flatB).toContain('浙江省通信行业协会：')
      expect(flatB).toContain(`签名公钥指纹：${zj.fingerprint.replace(/ /g, '')}`)
      expect(flatB).toContain(`收到现场2个、文件${zjFirst.files}个`)

      const tc = await pdfText(pdfC)
      const flatC = tc.text.replace(/\n/g, '')
      expect(flatC).toContain('推进办函〔2021〕3号')
      expect(flatC).toContain('广东_第二次.zip')
      expect(flatC).toMatch(/本报送包替代2021年6月1日\d\d:\d\d收到的报送包（广东_第一次\.zip）/)
      // Page one carries no number, page two (even) carries it, and the signature did not go over alone.
      expect(tc.pages[0]).not.toMatch(/—\s*1\s*—/)
      expect(tc.pages[1]).toMatch(/—2—/)
      expect(tc.pages[1]).toContain('特此函复。')
      expect(flatC).toMatch(/新增现场0个；撤回现场0个；改动\d+处，涉及现场1个。变动的现场见附件。/)
      // The annex page: its table names the site, its change and the changed field.
      expect(flatC).toContain('附件：1.报送包变动的现场')
      expect(tc.pages[2]).toContain('报送包变动的现场')
      expect(tc.pages[2].split('\n').some((l) => /^1改动GD-2021-Y001.*申报星级/.test(l))).toBe(true)

      // Months later, in the next year: the old receipt keeps its number and date; a new one starts 2022's series.
      office.close()
      const later = openOffice({ dataDir: office.dataDir, actor: '推进办', now: () => '2022-01-05T02:00:00.000Z' })
      try {
        const kept = await writeReceipt(later, gdFirst.bundleId!)
        expect(kept.docNumber).toBe('推进办函〔2021〕1号')
        const xml = (await readZip(kept.path)).get('word/document.xml')!
        expect(xml).toContain('2021年6月1日')
        expect(xml).not.toContain('2022年1月5日')
        changeStarLevel(zj, 1, 3)
        const zjSecond = await receiveOne(later, await zj.bundle(path.join(tempDir('starsite-drop3-'), '浙江_第二次.zip')))
        expect((await writeReceipt(later, zjSecond.bundleId!)).docNumber).toBe('推进办函〔2022〕1号')
      } finally {
        later.close()
      }

      const reopened = openOffice({ dataDir: office.dataDir, actor: '推进办' })
      const audit = queryAudit(reopened.db, { entity: 'receipt', limit: 10 })
      reopened.close()
      expect(audit.map((e) => e.summary)).toEqual([
        expect.stringMatching(/^出具浙江省报送包.*推进办函〔2022〕1号$/),
        `重新生成广东省报送包（编号 ${gdFirst.bundleId}）的回执 推进办函〔2021〕1号`,
        `出具广东省报送包（编号 ${gdSecond.bundleId}）的回执 推进办函〔2021〕3号`,
        `重新生成广东省报送包（编号 ${gdFirst.bundleId}）的回执 推进办函〔2021〕1号`,
        `出具浙江省报送包（编号 ${zjFirst.bundleId}）的回执 推进办函〔2021〕2号`,
        `出具广东省报送包（编号 ${gdFirst.bundleId}）的回执 推进办函〔2021〕1号`,
      ])
    } finally {
      office.close()
    }
  }, 240_000)

  it('refuses a bundle held for key confirmation and an unknown one, writing nothing and using no number', async () => {
    const gd = await province('广东')
    const office = newOffice()
    const held = (await receive(office, [await gd.bundle(path.join(tempDir('starsite-drop-'), 'gd.zip'))]))[0]
    expect(held.status).toBe('pending-confirmation')

    const refusal = await writeReceipt(office, held.bundleId!).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(AppError)
    expect((refusal as AppError).code).toBe('conflict')
    expect((refusal as AppError).message).toContain('签名公钥尚未确认')
    const unknown = await writeReceipt(office, 99).catch((e: unknown) => e)
    expect((unknown as AppError).code).toBe('not-found')
    expect((unknown as AppError).message).toContain('找不到编号为 99 的报送包')

    expect(fs.existsSync(path.join(office.dataDir, RECEIPTS_DIR))).toBe(false)
    expect(office.db.prepare('SELECT COUNT(*) AS n FROM receipt_counters').get()).toEqual({ n: 0 })
    expect(listReceipts(office.db)).toEqual([])
  })

  it('a receipt folder that cannot be made (a path through a file): the whole path and the code, no number used', async () => {
    const gd = await province('广东')
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    const bundle = await receiveOne(office, await gd.bundle(path.join(tempDir('starsite-drop-'), 'gd.zip')))
    const place = tempDir('starsite-place-')
    fs.writeFileSync(path.join(place, '回执'), 'x')
    const dir = path.join(place, '回执', '2021')

    const error = await writeReceipt(office, bundle.bundleId!, { dir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('internal')
    const target = path.join(dir, '回执_广东_推进办函〔2021〕1号.docx')
    expect((error as AppError).message).toBe(`保存位置的文件夹不存在，“${target}”未保存（ENOTDIR），请另选保存位置`)
    expect(office.db.prepare('SELECT COUNT(*) AS n FROM receipt_counters').get()).toEqual({ n: 0 })
    expect(listReceipts(office.db)).toEqual([])
    expect(fs.readdirSync(place)).toEqual(['回执'])
  })

  it('CLI: office receipt (exit 0, 1, 2), receive --receipts for the ingested bundles only, a 发文代字 set at init', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    const data = path.join(tempDir('starsite-office-cli-'), '推进办')
    const cli = (args: string[]) => {
      const r = runCli(['--data', data, 'office', ...args, '--json'])
      return { status: r.status, doc: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr }
    }
    const init = cli(['init', '--name', OFFICE_NAME, '--short', '推进办', '--prefix', '通企推进'])
    expect(init.status).toBe(0)
    expect(init.doc.docPrefix).toBe('通企推进')
    expect(cli(['key', 'add', gd.publicKeyFile, '--province', '广东']).status).toBe(0)

    // 浙江's key is not registered: its bundle is held, and gets no receipt.
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '1_广东.zip'))
    await zj.bundle(path.join(drop, '2_浙江.zip'))
    const receipts = path.join(tempDir('starsite-receipts-'), '回执')
    const received = cli(['receive', drop, '--receipts', receipts])
    expect(received.status).toBe(0)
    expect(received.doc.outcomes.map((o: { status: string }) => o.status)).toEqual(['ingested', 'pending-confirmation'])
    const [gdId, zjId] = received.doc.outcomes.map((o: { bundleId: number }) => o.bundleId)
    // The 文号 carries the year the receipt is dated (the CLI runs on the real clock).
    const [receipt] = received.doc.receipts as { bundleId: number; docNumber: string; fileName: string }[]
    const year = /〔(\d{4})〕/.exec(receipt.docNumber)![1]
    expect(received.doc.receipts.map((r: { bundleId: number; docNumber: string; fileName: string }) => [r.bundleId, r.docNumber, r.fileName])).toEqual([
      [gdId, `通企推进函〔${year}〕1号`, `回执_广东_通企推进函〔${year}〕1号.docx`],
    ])
    expect(fs.readdirSync(receipts)).toEqual([receipt.fileName])
    expect(received.stderr).toContain(`回执 通企推进函〔${year}〕1号`)

    const out = path.join(tempDir('starsite-out-'), '广东回执.docx')
    const one = cli(['receipt', String(gdId), '--out', out])
    expect(one.status).toBe(0)
    expect(one.doc).toMatchObject({ path: out, fileName: '广东回执.docx', docNumber: receipt.docNumber })
    expect(one.doc.size).toBe(fs.statSync(out).size)

    const refused = cli(['receipt', String(zjId)])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('签名公钥尚未确认')
    expect(cli(['receipt', 'abc']).status).toBe(2)
  }, 240_000)

  it('migration 4 on a version-3 office database: profile and bundles kept, no prefix set, receipts empty', () => {
    const file = path.join(tempDir('starsite-office-v3-'), 'office.db')
    const old = openDatabase(file, { migrations: OFFICE_MIGRATIONS.filter((m) => m.version <= 3) })
    old.prepare(`INSERT INTO office_profile (id, name, short_name, year, created_at, updated_at) VALUES (1, '推进办公室', '推进办', 2021, 'x', 'x')`).run()
    old
      .prepare(
        `INSERT INTO received_bundles (sha256, size, original_name, province, association, campaign_year, created_at, fingerprint,
           received_at, received_by, status, sites, files) VALUES ('ab', 1, 'a.zip', '广东省', '广东省通信行业协会', 2021, 'x', 'F', 'x', 'y', 'ingested', 2, 4)`,
      )
      .run()
    old.close()

    const db = openOfficeDatabase(file)
    try {
      expect(db.prepare('SELECT MAX(version) AS v FROM migrations').get()).toEqual({ v: 4 })
      expect(getOfficeProfile(db)).toEqual({ name: '推进办公室', shortName: '推进办', year: 2021 })
      expect(getOfficeDocPrefix(db)).toBeNull()
      expect(listReceipts(db)).toEqual([])
      expect(db.prepare('SELECT COUNT(*) AS n FROM received_bundles').get()).toEqual({ n: 1 })
      expect(db.pragma('foreign_key_check')).toEqual([])
    } finally {
      db.close()
    }
  })
})
