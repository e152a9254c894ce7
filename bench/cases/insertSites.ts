/**
 * Inserting 10,000 sites the way createSite does (nextCode + SiteRepository.insert, one transaction) against
 * a bare prepared INSERT of the same rows into the same schema. Both on a fresh, fully migrated database file
 * per iteration; the database setup is not timed. The anchor gets its rows fully prepared in advance (codes,
 * keys, JSON) — it is the floor; the repository path does all of that work inside the timing, as it must.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { presetForYear } from '../../src-main/core/campaign/preset'
import { SITE_TYPE_INFO } from '../../src-main/core/sites/fields'
import { nameKey } from '../../src-main/core/text'
import { openDatabase, type Db } from '../../src-main/db/connection'
import { putCampaign } from '../../src-main/db/repositories/campaigns'
import { SiteRepository } from '../../src-main/db/repositories/sites'
import { compare, type Case } from '../harness'
import { makeSites } from './data'

const COUNT = 10_000
const NOW = '2021-05-06T08:00:00.000Z'
const sites = makeSites(COUNT)

interface State {
  dir: string
  db: Db
  campaignId: number
}

function freshDb(): State {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-'))
  const db = openDatabase(path.join(dir, 'starsite.db'))
  const campaignId = putCampaign(db, presetForYear(2021), NOW, true).id
  return { dir, db, campaignId }
}

/** What both variants left in the table, to prove they did the same work. */
function contentHash(db: Db): string {
  const hash = createHash('sha256')
  for (const row of db.prepare('SELECT * FROM sites ORDER BY id').iterate()) hash.update(JSON.stringify(row))
  return hash.digest('hex')
}

const hashes = { subject: new Set<string>(), anchor: new Set<string>() }

function teardown(kind: 'subject' | 'anchor') {
  return <S extends State>(s: S) => {
    const { n } = s.db.prepare('SELECT COUNT(*) AS n FROM sites').get() as { n: number }
    if (n !== COUNT) throw new Error(`${kind}: expected ${COUNT} rows, found ${n}`)
    hashes[kind].add(contentHash(s.db))
    s.db.close()
    fs.rmSync(s.dir, { recursive: true, force: true })
  }
}

const COLUMNS = [
  'code', 'campaign_id', 'status', 'created_at', 'updated_at', 'name', 'name_key', 'type', 'enterprise', 'recommender',
  'recommender_key', 'uscc', 'city', 'district', 'address', 'star_level', 'manager', 'phone', 'email', 'staff_count',
  'area_sqm', 'seats', 'certificates', 'highlights', 'apply_date', 'remarks',
]

export const insertSitesCase: Case = {
  name: `insert ${COUNT.toLocaleString('en')} sites`,
  async run() {
    // Prepared outside any timing: the anchor's rows, codes numbered per type like nextCode does.
    const seq: Record<string, number> = {}
    const rows = (campaignId: number) =>
      sites.map((v) => {
        const prefix = `GD-2021-${SITE_TYPE_INFO[v.type].letter}`
        seq[prefix] = (seq[prefix] ?? 0) + 1
        return [
          `${prefix}${String(seq[prefix]).padStart(3, '0')}`, campaignId, 'pending', NOW, NOW, v.name, nameKey(v.name), v.type,
          v.enterprise, v.recommender, nameKey(v.recommender), v.uscc, v.city, v.district, v.address, v.starLevel, v.manager,
          v.phone, v.email, v.staffCount, v.areaSqm, v.seats, JSON.stringify(v.certificates), v.highlights, v.applyDate,
          v.remarks,
        ]
      })

    const result = await compare(
      this.name,
      1.3,
      {
        label: 'SiteRepository (nextCode + insert)',
        setup: freshDb,
        body: ({ db, campaignId }) => {
          const repo = new SiteRepository(db)
          db.transaction(() => {
            for (const v of sites) {
              const code = repo.nextCode(`GD-2021-${SITE_TYPE_INFO[v.type].letter}`)
              repo.insert(v, { code, campaignId, status: 'pending', now: NOW })
            }
          })()
        },
        teardown: teardown('subject'),
      },
      {
        label: 'bare prepared INSERT (anchor)',
        setup: () => {
          const s = freshDb()
          for (const k of Object.keys(seq)) delete seq[k]
          return { ...s, rows: rows(s.campaignId) }
        },
        body: ({ db, rows }) => {
          const stmt = db.prepare(`INSERT INTO sites (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`)
          db.transaction(() => {
            for (const r of rows) stmt.run(r)
          })()
        },
        teardown: teardown('anchor'),
      },
    )
    const same = hashes.subject.size === 1 && hashes.anchor.size === 1 && [...hashes.subject][0] === [...hashes.anchor][0]
    if (!same) throw new Error('the repository and the anchor wrote different rows: the comparison would be meaningless')
    result.notes = ['both variants wrote identical rows (SHA-256 of the table)']
    return result
  },
}
