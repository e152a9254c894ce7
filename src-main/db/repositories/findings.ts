/**
 * Check findings, waivers and runs. What the engine reads from other tables is in checkInputs.ts.
 * Site-id lists travel as one JSON parameter (json_each): one statement whatever the number of sites.
 */
import type { FindingDraft, RuleId, Severity } from '../../core/checks'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../connection'

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

/** Rows per multi-row INSERT of new findings, and the columns each binds (7 × 100 = 700 parameters). */
const INSERT_BATCH = 100
const INSERT_COLUMNS = 7

// A waiver counts only for a warning: should a fingerprint ever come back as an error it must block again.
const WAIVED = "(w.id IS NOT NULL AND f.severity = 'warning')"

export class FindingsRepository {
  constructor(private readonly db: Db) {}

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

  /**
   * Make the stored findings of `siteIds` (every site of the campaign, deleted ones included, when undefined)
   * exactly `findings`. A finding that is still there keeps its row, id and found_at, so a finding the UI
   * shows stays the same finding across re-runs; gone ones are deleted, new ones inserted. Waivers live in
   * their own table keyed by fingerprint and are untouched. Call inside a transaction with the run record.
   */
  replace(campaignId: number, siteIds: number[] | undefined, findings: { siteId: number; f: FindingDraft }[], now: string): void {
    // Raw rows [id, site_id, fingerprint, rule, severity, target, message]: a re-run reads back every finding.
    const existing = (
      siteIds
        ? this.db
            .prepare('SELECT id, site_id, fingerprint, rule, severity, target, message FROM findings WHERE site_id IN (SELECT value FROM json_each(?))')
            .raw()
            .all(ids(siteIds))
        : this.db
            .prepare(
              `SELECT id, site_id, fingerprint, rule, severity, target, message FROM findings
               WHERE site_id IN (SELECT id FROM sites WHERE campaign_id = ?)`,
            )
            .raw()
            .all(campaignId)
    ) as [number, number, string, string, string, string | null, string][]
    const byKey = new Map<string, (typeof existing)[number]>()
    for (const r of existing) byKey.set(`${r[1]}\n${r[2]}`, r)
    const update = this.db.prepare('UPDATE findings SET rule = ?, severity = ?, target = ?, message = ? WHERE id = ?')
    const remove = this.db.prepare('DELETE FROM findings WHERE id = ?')
    // New findings go in INSERT_BATCH rows per statement (a first run writes tens of thousands), in the same
    // order as one at a time, so they get the same ids.
    const pending: unknown[] = []
    const insertBatch = (params: unknown[]) => this.insertStatement(params.length / INSERT_COLUMNS).run(params)
    for (const { siteId, f } of findings) {
      // No stored findings left to match (a first run): no key to build.
      const key = byKey.size ? `${siteId}\n${f.fingerprint}` : ''
      const old = key ? byKey.get(key) : undefined
      if (!old) {
        pending.push(siteId, f.rule, f.severity, f.target, f.message, f.fingerprint, now)
        if (pending.length === INSERT_BATCH * INSERT_COLUMNS) {
          insertBatch(pending)
          pending.length = 0
        }
        continue
      }
      byKey.delete(key)
      if (old[3] !== f.rule || old[4] !== f.severity || old[5] !== f.target || old[6] !== f.message)
        update.run(f.rule, f.severity, f.target, f.message, old[0])
    }
    if (pending.length) insertBatch(pending)
    for (const gone of byKey.values()) remove.run(gone[0])
  }

  private readonly inserts = new Map<number, Statement>()

  /** INSERT of `rows` findings in one statement, prepared once per row count. */
  private insertStatement(rows: number): Statement {
    let stmt = this.inserts.get(rows)
    if (!stmt) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')
      stmt = this.db.prepare(`INSERT INTO findings (site_id, rule, severity, target, message, fingerprint, found_at) VALUES ${values}`)
      this.inserts.set(rows, stmt)
    }
    return stmt
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
    if (q.severity) {
      where.push('f.severity = @severity')
      params.severity = q.severity
    }
    if (q.rule) {
      where.push('f.rule = @rule')
      params.rule = q.rule
    }
    if (q.siteId) {
      where.push('f.site_id = @siteId')
      params.siteId = q.siteId
    }
    if (q.type) {
      where.push('s.type = @type')
      params.type = q.type
    }
    if (q.enterprise) {
      where.push('s.enterprise = @enterprise')
      params.enterprise = q.enterprise
    }
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

  /**
   * Open errors and warnings per site of the campaign, live or deleted ones, in one grouped query: the site
   * list shows them on every row. Sites without findings are absent. A waived warning is not open.
   */
  openCountsBySite(campaignId: number, deleted = false): Map<number, { errors: number; warnings: number }> {
    const rows = this.db
      .prepare(
        // Grouped by the site, read in the order of the campaign index: no temporary B-tree for the grouping.
        `SELECT s.id, SUM(f.severity = 'error'), SUM(f.severity = 'warning' AND NOT ${WAIVED})
         FROM sites s JOIN findings f ON f.site_id = s.id
         LEFT JOIN waivers w ON w.site_id = f.site_id AND w.fingerprint = f.fingerprint
         WHERE s.campaign_id = ? AND s.deleted_at IS ${deleted ? 'NOT ' : ''}NULL
         GROUP BY s.id`,
      )
      .raw()
      .all(campaignId) as [number, number, number][]
    const out = new Map<number, { errors: number; warnings: number }>()
    for (const [siteId, errors, warnings] of rows) out.set(siteId, { errors, warnings })
    return out
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

  /** Of the listed sites' warnings, how many a waiver covers. */
  countWaived(siteIds: number[]): number {
    if (!siteIds.length) return 0
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM findings f JOIN waivers w ON w.site_id = f.site_id AND w.fingerprint = f.fingerprint
           WHERE f.severity = 'warning' AND f.site_id IN (SELECT value FROM json_each(?))`,
        )
        .get(ids(siteIds)) as { n: number }
    ).n
  }

  /** Findings per site that no waiver covers (the roster export's 未处理问题数). */
  unwaivedCountsBySite(): Map<number, number> {
    const rows = this.db
      .prepare(
        `SELECT f.site_id AS siteId, COUNT(*) AS n FROM findings f
         WHERE NOT EXISTS (SELECT 1 FROM waivers w WHERE w.site_id = f.site_id AND w.fingerprint = f.fingerprint)
         GROUP BY f.site_id`,
      )
      .all() as { siteId: number; n: number }[]
    return new Map(rows.map((r) => [r.siteId, r.n]))
  }
}
