/**
 * Migration 9 on a database made by the previous release (test/fixtures/db/v7-2021.db, schema 7): the letters
 * table is rebuilt to take notices, every old letter keeps its row and 文号, no foreign key dangles, and a
 * notification letter generated afterwards gets a 文号 of its own series that survives regeneration.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { schemaVersion } from '../../../src-main/db/connection'
import { LATEST_VERSION } from '../../../src-main/db/migrations'
import { LetterRepository } from '../../../src-main/db/repositories/letters'
import { openApp, type AppContext } from '../../../src-main/services/context'
import { notifyRecommenders } from '../../../src-main/services/results/notify'
import { tempDir } from '../../helpers/tmp'
import { docxXml } from '../bundle/helpers'

const FIXTURE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'db', 'v7-2021.db')

interface LetterRow {
  id: number
  kind: string
  site_id: number | null
  year: number
  seq: number
  doc_no: string
  issued_on: string
}
const LETTER_COLUMNS = 'id, kind, site_id, year, seq, doc_no, issued_on'

let cleanup: (() => void)[] = []
afterEach(() => {
  for (const c of cleanup.reverse()) c()
  cleanup = []
})

function fromFixture(): { dataDir: string; open(now: string): AppContext } {
  const dir = tempDir('starsite-v7-')
  cleanup.push(dir.cleanup)
  fs.copyFileSync(FIXTURE, path.join(dir.dir, 'starsite.db'))
  const open = (at: string) => {
    const app = openApp({ dataDir: dir.dir, actor: '测试员', now: () => at })
    cleanup.push(() => app.close())
    return app
  }
  return { dataDir: dir.dir, open }
}

/** The fixture's letters, read from a copy: even a read-only open of a WAL database creates side files. */
function fixtureLetters(): LetterRow[] {
  const dir = tempDir('starsite-v7-read-')
  cleanup.push(dir.cleanup)
  const copy = path.join(dir.dir, 'v7.db')
  fs.copyFileSync(FIXTURE, copy)
  const db = new Database(copy, { readonly: true })
  try {
    expect(schemaVersion(db)).toBe(7)
    return db.prepare(`SELECT ${LETTER_COLUMNS} FROM letters ORDER BY id`).all() as LetterRow[]
  } finally {
    db.close()
  }
}

describe('migration 9 (notice numbers) on a version-7 database', () => {
  it('keeps every letter with its 文号 and leaves no dangling foreign key', () => {
    const before = fixtureLetters()
    expect(before.map((l) => l.kind)).toEqual(['site', 'site', 'site', 'site', 'site', 'site', 'cover'])
    const { open } = fromFixture()
    const app = open('2027-03-01T02:00:00.000Z')
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(9)
    expect(schemaVersion(app.db)).toBe(LATEST_VERSION)
    expect(app.db.prepare(`SELECT ${LETTER_COLUMNS} FROM letters ORDER BY id`).all()).toEqual(before)
    expect(app.db.pragma('foreign_key_check')).toEqual([])
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok')
    // The subject and numbering indexes are back on the rebuilt table.
    const indexes = (app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'letters' AND sql IS NOT NULL").all() as { name: string }[]).map((r) => r.name)
    expect(indexes.sort()).toEqual(['letters_number', 'letters_one_per_subject'])
    // The new CHECK rules: a notice names its 推荐单位, a 推荐函 its site, and nothing else takes a kind.
    const insert = app.db.prepare(
      `INSERT INTO letters (kind, site_id, recipient, campaign_id, year, seq, doc_no, issued_on, file_path, sha256, generated_at, generated_by)
       VALUES (?, ?, ?, 1, 2027, 99, 'x', '2027-03-01', 'x', 'x', 'x', 'x')`,
    )
    expect(() => insert.run('notice', null, null)).toThrow(/CHECK/)
    expect(() => insert.run('notice', 1, '中国移动广东分公司')).toThrow(/CHECK/)
    expect(() => insert.run('site', 1, '中国移动广东分公司')).toThrow(/CHECK/)
    expect(() => insert.run('memo', null, null)).toThrow(/CHECK/)
    // The fixture itself is never opened: no side file appears beside it.
    expect(fs.readdirSync(path.dirname(FIXTURE)).filter((n) => n.startsWith('v7-2021.db'))).toEqual(['v7-2021.db'])
  })

  it('gives each notice a 文号 of its own series, kept with its date when the notices are generated again', async () => {
    const { dataDir, open } = fromFixture()
    const first = open('2027-03-01T02:00:00.000Z')
    const seriesBefore = new LetterRepository(first.db).peekNumber(2027, 'site')
    const out = path.join(dataDir, 'notices')
    const one = await notifyRecommenders(first, { outDir: out })
    // Six sites of three 推荐单位: three notices, numbered 1..3 in the notices' series of the year.
    expect(one.files).toHaveLength(3)
    expect(one.files.map((f) => f.docNo).sort()).toEqual(['粤通协函〔2027〕1号', '粤通协函〔2027〕2号', '粤通协函〔2027〕3号'])
    for (const f of one.files) {
      const xml = await docxXml(fs.readFileSync(f.path))
      expect(xml).toContain(f.docNo)
      expect(xml).toContain('2027年3月1日')
    }
    // 推荐函 and 报送函 keep their own counter: the notices took nothing from it.
    expect(new LetterRepository(first.db).peekNumber(2027, 'site')).toBe(seriesBefore)
    first.close()
    cleanup.pop()

    // Another day, another run: same numbers, same 成文日期, no new rows.
    const later = open('2027-04-15T02:00:00.000Z')
    const two = await notifyRecommenders(later, { outDir: out })
    const byRecipient = (r: typeof one) => Object.fromEntries(r.files.map((f) => [f.recommender, f.docNo]))
    expect(byRecipient(two)).toEqual(byRecipient(one))
    for (const f of two.files) expect(await docxXml(fs.readFileSync(f.path))).toContain('2027年3月1日')
    const notices = later.db.prepare("SELECT recipient, doc_no FROM letters WHERE kind = 'notice' ORDER BY seq").all()
    expect(notices).toHaveLength(3)
    expect(new LetterRepository(later.db).peekNumber(2027, 'notice')).toBe(4)
    expect(later.db.pragma('foreign_key_check')).toEqual([])
  })
})
