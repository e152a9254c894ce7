/**
 * Listing 10,000 sites over the contract — dispatch('sites.list'): input validation, the repository's row
 * mapping (JSON certificates), output validation — against the floor: a bare prepared SELECT of the same
 * rows. The database is built once and not timed; both variants read the same file, interleaved.
 * The issue's own target is absolute (under 0.3 s on the plain path); it is printed as a note beside the ratio.
 * A second case does the same with `withAttachments: true` and two attachments per site.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dispatch } from '../../src-main/api/dispatch'
import { SITE_TYPE_INFO } from '../../src-main/core/sites/fields'
import { insertAttachment, putStoredFile } from '../../src-main/db/repositories/attachments'
import { runChecksSync } from '../../src-main/services/checks/engine'
import { openApp, type AppContext } from '../../src-main/services/context'
import { saveAssociation, requireSetup } from '../../src-main/services/settings/association'
import { compare, type Case, type Result } from '../harness'
import { makeSites } from './data'

const COUNT = 10_000
const ABSOLUTE_TARGET_MS = 300
const NOW = '2021-05-06T08:00:00.000Z'

function buildApp(withAttachments: boolean): { app: AppContext; campaignId: number; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-list-'))
  const app = openApp({ dataDir: dir, actor: 'bench', now: () => NOW })
  saveAssociation(app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' }, 2021)
  const campaignId = requireSetup(app).campaign.id
  const sites = makeSites(COUNT)
  app.db.transaction(() => {
    for (const [i, v] of sites.entries()) {
      const code = app.sites.nextCode(`GD-2021-${SITE_TYPE_INFO[v.type].letter}`)
      const id = app.sites.insert(v, { code, campaignId, status: 'pending', now: NOW })
      if (!withAttachments) continue
      // Rows only: listing never reads the stored bytes, so no files are needed for this measurement.
      for (const [k, kind] of (['superior-letter', 'training-certificate'] as const).entries()) {
        const sha256 = (i * 2 + k).toString(16).padStart(64, '0')
        putStoredFile(app.db, sha256, 100_000 + i, NOW)
        insertAttachment(app.db, { siteId: id, kind, sha256, originalName: `附件${k}.pdf`, ext: 'pdf', size: 100_000 + i, mime: 'application/pdf' }, NOW)
      }
    }
  })()
  // A registry as it is used: every save is checked, so the sites carry findings the list counts.
  runChecksSync(app)
  return { app, campaignId, dir }
}

async function listCase(name: string, withAttachments: boolean, target: number): Promise<Result> {
  const { app, campaignId, dir } = buildApp(withAttachments)
  try {
    const input = withAttachments ? { withAttachments: true } : {}
    const sitesSql = 'SELECT * FROM sites WHERE campaign_id = ? AND deleted_at IS NULL ORDER BY id'
    const attachmentsSql = `SELECT a.site_id, a.kind, a.size, a.sha256, a.original_name FROM attachments a
      JOIN sites s ON s.id = a.site_id WHERE s.campaign_id = ? AND s.deleted_at IS NULL ORDER BY a.id`
    let listed = 0
    const result = await compare(
      name,
      target,
      {
        label: `dispatch('sites.list'${withAttachments ? ', withAttachments' : ''})`,
        setup: () => null,
        body: async () => {
          const r = await dispatch(app, 'sites.list', input)
          if (!r.ok) throw new Error(r.error.message)
          listed = (r.value as { sites: unknown[] }).sites.length
        },
      },
      {
        label: 'bare prepared SELECT (anchor)',
        setup: () => null,
        body: () => {
          app.db.prepare(sitesSql).all(campaignId)
          if (withAttachments) app.db.prepare(attachmentsSql).all(campaignId)
        },
      },
    )
    if (listed !== COUNT) throw new Error(`expected ${COUNT} sites over the contract, got ${listed}`)
    const { median, cpuMedian } = result.subject
    result.notes = [
      `${COUNT.toLocaleString('en')} sites over the contract: median ${median.toFixed(1)} ms wall, ${cpuMedian.toFixed(1)} ms CPU ` +
        `(issue target < ${ABSOLUTE_TARGET_MS} ms: ${median < ABSOLUTE_TARGET_MS ? 'PASS' : 'MISS'}; ` +
        `wall time includes waiting for a busy machine, CPU time does not)`,
    ]
    return result
  } finally {
    app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export const listSitesCase: Case = {
  name: `list ${COUNT.toLocaleString('en')} sites over the contract`,
  run() {
    return listCase(this.name, false, 3)
  },
}

export const listSitesWithAttachmentsCase: Case = {
  name: `list ${COUNT.toLocaleString('en')} sites with 2 attachments each over the contract`,
  run() {
    return listCase(this.name, true, 3)
  },
}
