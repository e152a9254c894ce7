/**
 * All checks (quick integrity) over 10,000 sites with 40,000 attachments, each attachment pointing at its own
 * real stored file (tiny, so the disk setup stays fast, but 40,000 distinct files are stat'ed as in real
 * use). Subject: runChecksSync on the whole campaign, starting with no stored findings (the first run, the
 * most writing). Anchor: the floor under it — the same reads (sites, attachments with stored sizes, the
 * roster) and one stat per stored file, with no rule evaluated and nothing written.
 * The data folder is built once; each iteration only clears the findings (not timed).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ATTACHMENT_KINDS } from '../../src-main/core/campaign/preset'
import { SITE_TYPE_INFO } from '../../src-main/core/sites/fields'
import { putAssociation } from '../../src-main/db/repositories/association'
import { putCampaign } from '../../src-main/db/repositories/campaigns'
import { presetForYear } from '../../src-main/core/campaign/preset'
import { openApp, type AppContext } from '../../src-main/services/context'
import { runChecksSync } from '../../src-main/services/checks/engine'
import { compare, type Case } from '../harness'
import { makeSites, prng } from './data'

const SITES = 10_000
const PER_SITE = 4
const NOW = '2021-05-06T08:00:00.000Z'
const TARGET_MS = 1000

export function build(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-checks-'))
  const app = openApp({ dataDir: dir, actor: 'bench', now: () => NOW })
  try {
    putAssociation(app.db, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东', docPrefix: '粤通协', address: '', contact: '', phone: '' }, NOW)
    const campaign = putCampaign(app.db, presetForYear(2021), NOW, true)
    const rnd = prng(35)
    const sites = makeSites(SITES)
    const putFile = app.db.prepare('INSERT INTO stored_files (sha256, size, created_at) VALUES (?, ?, ?)')
    const putAttachment = app.db.prepare(
      `INSERT INTO attachments (site_id, kind, sha256, original_name, ext, size, mime, added_at)
       VALUES (?, ?, ?, ?, 'pdf', ?, 'application/pdf', ?)`,
    )
    const putRecord = app.db.prepare(
      `INSERT OR IGNORE INTO training_records (trainee, certificate_no, class, created_at, updated_at) VALUES ('学员', ?, ?, ?, ?)`,
    )
    app.db.transaction(() => {
      let n = 0
      for (const v of sites) {
        const id = app.sites.insert(v, { code: app.sites.nextCode(`GD-2021-${SITE_TYPE_INFO[v.type].letter}`), campaignId: campaign.id, status: 'pending', now: NOW })
        // Most sites carry their letter; some certificates are on the roster, some not.
        const kinds = [rnd() < 0.9 ? 'superior-letter' : 'photo', rnd() < 0.5 ? 'lecturer-letter' : 'training-certificate', 'photo', 'self-assessment']
        for (const c of v.certificates) if (rnd() < 0.7) putRecord.run(c, rnd() < 0.8 ? 'hall' : 'installation', NOW, NOW)
        for (let k = 0; k < PER_SITE; k++) {
          const body = `%PDF-1.4\n% bench ${n++}\n`
          const sha = createHash('sha256').update(body).digest('hex')
          const folder = path.join(dir, 'files', sha.slice(0, 2))
          fs.mkdirSync(folder, { recursive: true })
          fs.writeFileSync(path.join(folder, sha), body)
          putFile.run(sha, Buffer.byteLength(body), NOW)
          putAttachment.run(id, kinds[k] as (typeof ATTACHMENT_KINDS)[number], sha, `${kinds[k]}.pdf`, Buffer.byteLength(body), NOW)
        }
      }
    })()
  } finally {
    app.close()
  }
  return dir
}

export const checksCase: Case = {
  name: `checks over ${SITES.toLocaleString('en')} sites / ${(SITES * PER_SITE).toLocaleString('en')} attachments`,
  async run() {
    const dir = build()
    const app: AppContext = openApp({ dataDir: dir, actor: 'bench', now: () => NOW })
    let lastErrors = -1
    try {
      const fresh = () => {
        app.db.exec('DELETE FROM findings; DELETE FROM check_runs;')
        return app
      }
      const result = await compare(
        this.name,
        3,
        {
          label: 'runChecksSync (all rules, quick integrity)',
          setup: fresh,
          body: (a) => {
            const r = runChecksSync(a)
            if (r.sites !== SITES) throw new Error(`checked ${r.sites} sites, expected ${SITES}`)
            lastErrors = r.errors
          },
        },
        {
          label: 'same reads + one stat per file (anchor)',
          setup: fresh,
          body: (a) => {
            const rows = a.db.prepare('SELECT * FROM sites WHERE campaign_id = 1 AND deleted_at IS NULL').all() as { certificates: string }[]
            for (const r of rows) JSON.parse(r.certificates)
            const atts = a.db
              .prepare(
                `SELECT a.id, a.site_id, a.kind, a.sha256, a.original_name, f.size FROM attachments a
                 JOIN sites s ON s.id = a.site_id LEFT JOIN stored_files f ON f.sha256 = a.sha256 WHERE s.campaign_id = 1`,
              )
              .all() as { sha256: string; size: number }[]
            a.db.prepare('SELECT certificate_no, class FROM training_records').all()
            for (const x of atts) if (fs.statSync(path.join(dir, 'files', x.sha256.slice(0, 2), x.sha256)).size !== x.size) throw new Error('bad file')
          },
        },
        { iterations: 5, warmup: 1 },
      )
      const verdict = result.subject.median < TARGET_MS ? 'PASS' : 'MISS'
      result.notes = [
        `absolute: median ${result.subject.median.toFixed(0)} ms for all checks (target < ${TARGET_MS} ms): ${verdict}`,
        `each run wrote ${lastErrors} error findings plus warnings into an empty findings table`,
      ]
      return result
    } finally {
      app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
