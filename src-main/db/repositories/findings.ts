/**
 * Check findings, waivers and runs, plus the set-based reads the check engine needs (sites, attachments and
 * the training roster straight from their tables, so checks do not depend on those features' services).
 * Site-id lists travel as one JSON parameter (json_each): one statement whatever the number of sites.
 */
import type { CheckSite, FindingDraft, RuleId, Severity } from '../../core/checks'
import type { Db } from '../connection'
import type { SiteRow } from './sites'

/** [id, site_id, kind, sha256, original_name, recorded size] */
export type AttachmentCheckRow = [number, number, string, string, string, number]

export interface FindingRow {
  id: number
  siteId: number
  siteCode: string
  siteName: string
  siteType: string
  enterprise: string
  rule: RuleId
  severity: Severity
  target: string | null
  message: string
  fingerprint: string
  foundAt: string
  waived: boolean
  waiverReason: string | null
  waivedBy: string | null
  waivedAt: string | null
}

export interface FindingFilter {
  campaignId: number
  severity?: Severity
  rule?: string
  siteId?: number
  type?: string
  enterprise?: string
  includeWaived?: boolean
}

const ids = (list: number[]) => JSON.stringify(list)

// A waiver counts only for a warning: should a fingerprint ever come back as an error it must block again.
const WAIVED = "(w.id IS NOT NULL AND f.severity = 'warning')"

export class FindingsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Every live site of a campaign, or only the listed ones (deleted ones are left out either way), with the
   * columns the rules read: the long free-text fields (突出表现, 备注) are not judged, so not loaded.
   */
  sites(campaignId: number, siteIds?: number[]): CheckSite[] {
    const select = `SELECT id, code, name, type, enterprise, recommender, uscc, city, district, address, star_level,
      manager, phone, email, staff_count, area_sqm, seats, certificates, apply_date
      FROM sites WHERE campaign_id = ? AND deleted_at IS NULL`
    const rows = (
      siteIds
        ? this.db.prepare(`${select} AND id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(campaignId, ids(siteIds))
        : this.db.prepare(`${select} ORDER BY id`).all(campaignId)
    ) as (Omit<SiteRow, 'certificates'> & { certificates: string })[]
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type,
      enterprise: r.enterprise,
      recommender: r.recommender,
      uscc: r.uscc,
      city: r.city,
      district: r.district,
      address: r.address,
      starLevel: r.star_level,
      manager: r.manager,
      phone: r.phone,
      email: r.email,
      staffCount: r.staff_count,
      areaSqm: r.area_sqm,
      seats: r.seats,
      certificates: r.certificates === '[]' ? [] : (JSON.parse(r.certificates) as string[]),
      highlights: '',
      applyDate: r.apply_date,
      remarks: '',
    }))
  }

  /** The few columns the duplicate index needs, for every live site of the campaign. */
  siteKeys(campaignId: number): { id: number; code: string; name: string; city: string; address: string }[] {
    return this.db
      .prepare('SELECT id, code, name, city, address FROM sites WHERE campaign_id = ? AND deleted_at IS NULL')
      .all(campaignId) as { id: number; code: string; name: string; city: string; address: string }[]
  }

  /**
   * Raw rows [id, site_id, kind, sha256, original_name, size] — 40,000 of them should not cost 40,000 objects.
   * The size is the attachment's recorded one (what the attachments store's quickCheck compares too), which
   * spares a join on the 64-character hash key. Rows come in index order (per site, then by id).
   */
  attachments(campaignId: number, siteIds?: number[]): AttachmentCheckRow[] {
    const select = `SELECT a.id, a.site_id, a.kind, a.sha256, a.original_name, a.size FROM attachments a
      WHERE a.site_id IN (SELECT id FROM sites WHERE campaign_id = ? AND deleted_at IS NULL)`
    if (!siteIds) return this.db.prepare(select).raw().all(campaignId) as AttachmentCheckRow[]
    return this.db
      .prepare(`${select} AND a.site_id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(campaignId, ids(siteIds)) as AttachmentCheckRow[]
  }

  roster(): { certificate_no: string; class: string }[] {
    return this.db.prepare('SELECT certificate_no, class FROM training_records').all() as {
      certificate_no: string
      class: string
    }[]
  }

  /** Sites whose duplicate-site findings name one of these codes (they must be re-judged with them). */
  sitesNamingCodes(codes: string[]): number[] {
    if (!codes.length) return []
    const wanted = new Set(codes)
    const rows = this.db
      .prepare("SELECT site_id, fingerprint FROM findings WHERE rule = 'duplicate-site'")
      .all() as { site_id: number; fingerprint: string }[]
    const out = new Set<number>()
    for (const r of rows) if (wanted.has(r.fingerprint.slice(r.fingerprint.lastIndexOf(':') + 1))) out.add(r.site_id)
    return [...out]
  }

  codesOf(siteIds: number[]): string[] {
    return (
      this.db.prepare('SELECT code FROM sites WHERE id IN (SELECT value FROM json_each(?))').all(ids(siteIds)) as {
        code: string
      }[]
    ).map((r) => r.code)
  }

  /**
   * Make the stored findings of `siteIds` (every site of the campaign, deleted ones included, when undefined)
   * exactly `findings`. A finding that is still there keeps its row, id and found_at, so a finding the UI
   * shows stays the same finding across re-runs; gone ones are deleted, new ones inserted. Waivers live in
   * their own table keyed by fingerprint and are untouched. Call inside a transaction with the run record.
   */
  replace(campaignId: number, siteIds: number[] | undefined, findings: { siteId: number; f: FindingDraft }[], now: string): void {
    const existing = (
      siteIds
        ? this.db
            .prepare('SELECT id, site_id, fingerprint, rule, severity, target, message FROM findings WHERE site_id IN (SELECT value FROM json_each(?))')
            .all(ids(siteIds))
        : this.db
            .prepare(
              `SELECT id, site_id, fingerprint, rule, severity, target, message FROM findings
               WHERE site_id IN (SELECT id FROM sites WHERE campaign_id = ?)`,
            )
            .all(campaignId)
    ) as { id: number; site_id: number; fingerprint: string; rule: string; severity: string; target: string | null; message: string }[]
    const byKey = new Map(existing.map((r) => [`${r.site_id}\n${r.fingerprint}`, r]))
    const insert = this.db.prepare(
      `INSERT INTO findings (site_id, rule, severity, target, message, fingerprint, found_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    const update = this.db.prepare('UPDATE findings SET rule = ?, severity = ?, target = ?, message = ? WHERE id = ?')
    const remove = this.db.prepare('DELETE FROM findings WHERE id = ?')
    for (const { siteId, f } of findings) {
      const key = `${siteId}\n${f.fingerprint}`
      const old = byKey.get(key)
      if (!old) {
        insert.run(siteId, f.rule, f.severity, f.target, f.message, f.fingerprint, now)
        continue
      }
      byKey.delete(key)
      if (old.rule !== f.rule || old.severity !== f.severity || old.target !== f.target || old.message !== f.message)
        update.run(f.rule, f.severity, f.target, f.message, old.id)
    }
    for (const gone of byKey.values()) remove.run(gone.id)
  }

  recordRun(run: { startedAt: string; finishedAt: string; scope: string; sites: number; errors: number; warnings: number }): number {
    const info = this.db
      .prepare(
        `INSERT INTO check_runs (started_at, finished_at, scope, sites, errors, warnings)
         VALUES (@startedAt, @finishedAt, @scope, @sites, @errors, @warnings)`,
      )
      .run(run)
    return Number(info.lastInsertRowid)
  }

  lastRun(): { id: number; startedAt: string; finishedAt: string; scope: string } | null {
    const row = this.db
      .prepare('SELECT id, started_at, finished_at, scope FROM check_runs ORDER BY id DESC LIMIT 1')
      .get() as { id: number; started_at: string; finished_at: string; scope: string } | undefined
    return row ? { id: row.id, startedAt: row.started_at, finishedAt: row.finished_at, scope: row.scope } : null
  }

  /** Findings of live sites of the campaign, with the site's identity and the waiver when one applies. */
  list(q: FindingFilter): FindingRow[] {
    const where = ['s.campaign_id = @campaignId', 's.deleted_at IS NULL']
    const params: Record<string, unknown> = { campaignId: q.campaignId }
    if (q.severity) (where.push('f.severity = @severity'), (params.severity = q.severity))
    if (q.rule) (where.push('f.rule = @rule'), (params.rule = q.rule))
    if (q.siteId) (where.push('f.site_id = @siteId'), (params.siteId = q.siteId))
    if (q.type) (where.push('s.type = @type'), (params.type = q.type))
    if (q.enterprise) (where.push('s.enterprise = @enterprise'), (params.enterprise = q.enterprise))
    if (!q.includeWaived) where.push(`NOT ${WAIVED}`)
    return (
      this.db
        .prepare(
          `SELECT f.id, f.site_id, s.code, s.name, s.type, s.enterprise, f.rule, f.severity, f.target, f.message,
             f.fingerprint, f.found_at, ${WAIVED} AS waived, w.reason, w.actor, w.at
           FROM findings f JOIN sites s ON s.id = f.site_id
           LEFT JOIN waivers w ON w.site_id = f.site_id AND w.fingerprint = f.fingerprint
           WHERE ${where.join(' AND ')}
           ORDER BY s.code, CASE f.severity WHEN 'error' THEN 0 ELSE 1 END, f.id`,
        )
        .all(params) as {
        id: number
        site_id: number
        code: string
        name: string
        type: string
        enterprise: string
        rule: RuleId
        severity: Severity
        target: string | null
        message: string
        fingerprint: string
        found_at: string
        waived: number
        reason: string | null
        actor: string | null
        at: string | null
      }[]
    ).map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: r.code,
      siteName: r.name,
      siteType: r.type,
      enterprise: r.enterprise,
      rule: r.rule,
      severity: r.severity,
      target: r.target,
      message: r.message,
      fingerprint: r.fingerprint,
      foundAt: r.found_at,
      waived: r.waived === 1,
      waiverReason: r.waived ? r.reason : null,
      waivedBy: r.waived ? r.actor : null,
      waivedAt: r.waived ? r.at : null,
    }))
  }

  get(findingId: number): { id: number; siteId: number; rule: RuleId; severity: Severity; target: string | null; fingerprint: string; message: string } | null {
    const row = this.db
      .prepare('SELECT id, site_id, rule, severity, target, fingerprint, message FROM findings WHERE id = ?')
      .get(findingId) as
      | { id: number; site_id: number; rule: RuleId; severity: Severity; target: string | null; fingerprint: string; message: string }
      | undefined
    return row ? { ...row, siteId: row.site_id } : null
  }

  putWaiver(siteId: number, fingerprint: string, reason: string, actor: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO waivers (site_id, fingerprint, reason, actor, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (site_id, fingerprint) DO UPDATE SET reason = excluded.reason, actor = excluded.actor, at = excluded.at`,
      )
      .run(siteId, fingerprint, reason, actor, at)
  }

  deleteWaiver(siteId: number, fingerprint: string): boolean {
    return this.db.prepare('DELETE FROM waivers WHERE site_id = ? AND fingerprint = ?').run(siteId, fingerprint).changes > 0
  }

  /** Open error-level findings of live sites (all of the campaign, or the listed sites). */
  blocking(campaignId: number, siteIds?: number[]): { siteId: number; code: string; name: string; rule: RuleId; message: string }[] {
    const only = siteIds ? 'AND s.id IN (SELECT value FROM json_each(@ids))' : ''
    return (
      this.db
        .prepare(
          `SELECT s.id AS siteId, s.code, s.name, f.rule, f.message
           FROM findings f JOIN sites s ON s.id = f.site_id
           WHERE s.campaign_id = @campaignId AND s.deleted_at IS NULL AND f.severity = 'error' ${only}
           ORDER BY s.code, f.id`,
        )
        .all(siteIds ? { campaignId, ids: ids(siteIds) } : { campaignId }) as {
        siteId: number
        code: string
        name: string
        rule: RuleId
        message: string
      }[]
    )
  }

  /** Counts per rule and severity for the dashboard, split into open and waived. */
  counts(campaignId: number): { rule: RuleId; severity: Severity; open: number; waived: number; sites: number }[] {
    return this.db
      .prepare(
        `SELECT f.rule, f.severity, SUM(NOT ${WAIVED}) AS open, SUM(${WAIVED}) AS waived,
           COUNT(DISTINCT CASE WHEN NOT ${WAIVED} THEN f.site_id END) AS sites
         FROM findings f JOIN sites s ON s.id = f.site_id
         LEFT JOIN waivers w ON w.site_id = f.site_id AND w.fingerprint = f.fingerprint
         WHERE s.campaign_id = ? AND s.deleted_at IS NULL
         GROUP BY f.rule, f.severity ORDER BY f.rule, f.severity`,
      )
      .all(campaignId) as { rule: RuleId; severity: Severity; open: number; waived: number; sites: number }[]
  }

  /** Sites with at least one open finding of each severity. */
  sitesWithOpen(campaignId: number): { errors: number; warnings: number } {
    return this.db
      .prepare(
        `SELECT COUNT(DISTINCT CASE WHEN f.severity = 'error' THEN f.site_id END) AS errors,
           COUNT(DISTINCT CASE WHEN f.severity = 'warning' AND w.id IS NULL THEN f.site_id END) AS warnings
         FROM findings f JOIN sites s ON s.id = f.site_id
         LEFT JOIN waivers w ON w.site_id = f.site_id AND w.fingerprint = f.fingerprint
         WHERE s.campaign_id = ? AND s.deleted_at IS NULL`,
      )
      .get(campaignId) as { errors: number; warnings: number }
  }

  liveSiteCount(campaignId: number): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM sites WHERE campaign_id = ? AND deleted_at IS NULL').get(campaignId) as {
        n: number
      }
    ).n
  }
}
