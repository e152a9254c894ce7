import type { SiteStatus, SiteType } from '../../core/sites/fields'
import type { SiteValues } from '../../core/sites/draft'
import { nameKey } from '../../core/text'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../connection'

export interface SiteRow {
  id: number
  code: string
  campaign_id: number
  name: string
  name_key: string
  type: SiteType
  enterprise: string
  recommender: string
  recommender_key: string
  uscc: string
  city: string
  district: string
  address: string
  star_level: number
  manager: string
  phone: string
  email: string
  staff_count: number | null
  area_sqm: number | null
  seats: number | null
  certificates: string
  highlights: string
  apply_date: string
  remarks: string
  status: SiteStatus
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface SiteRecord extends SiteValues {
  id: number
  code: string
  campaignId: number
  status: SiteStatus
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export function siteFromRow(r: SiteRow): SiteRecord {
  return {
    id: r.id,
    code: r.code,
    campaignId: r.campaign_id,
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
    certificates: JSON.parse(r.certificates) as string[],
    highlights: r.highlights,
    applyDate: r.apply_date,
    remarks: r.remarks,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  }
}

/** The value columns in binding order; `valueArgs` must list the values in exactly this order. */
const VALUE_COLUMNS = [
  'name',
  'name_key',
  'type',
  'enterprise',
  'recommender',
  'recommender_key',
  'uscc',
  'city',
  'district',
  'address',
  'star_level',
  'manager',
  'phone',
  'email',
  'staff_count',
  'area_sqm',
  'seats',
  'certificates',
  'highlights',
  'apply_date',
  'remarks',
] as const

/** Rows per multi-row INSERT of an import, and the parameters each binds (5 + 21 columns; 50 × 26 = 1,300). */
const INSERT_BATCH = 50
const INSERT_ROW_PARAMS = 5 + VALUE_COLUMNS.length

/**
 * Positional values for VALUE_COLUMNS. Positional rather than named binding: with 20-odd columns, building
 * and binding a named-parameter object (plus spreading it) cost measurably more per row on bulk imports
 * (see bench/cases/insertSites.ts).
 */
function valueArgs(v: SiteValues, keyOf: (text: string) => string): unknown[] {
  return [
    v.name,
    nameKey(v.name),
    v.type,
    v.enterprise,
    v.recommender,
    keyOf(v.recommender),
    v.uscc,
    v.city,
    v.district,
    v.address,
    v.starLevel,
    v.manager,
    v.phone,
    v.email,
    v.staffCount,
    v.areaSqm,
    v.seats,
    JSON.stringify(v.certificates),
    v.highlights,
    v.applyDate,
    v.remarks,
  ]
}

/** What an import matches rows against: every site of every year, deleted ones included (their codes stay taken). */
export interface SiteMatchRow {
  id: number
  code: string
  campaign_id: number
  name: string
  name_key: string
  recommender_key: string
  city: string
  address: string
  deleted_at: string | null
}

export function listSiteMatchRows(db: Db): SiteMatchRow[] {
  return db
    .prepare('SELECT id, code, campaign_id, name, name_key, recommender_key, city, address, deleted_at FROM sites')
    .all() as SiteMatchRow[]
}

/** The registry table's columns of a site: what it shows, searches, filters and sorts by; no prose, no lists. */
export interface SiteTableRow {
  id: number
  code: string
  name: string
  type: SiteType
  enterprise: string
  recommender: string
  city: string
  district: string
  address: string
  starLevel: number
  status: SiteStatus
}

/**
 * A campaign's sites as the registry table needs them, in id order like `list`. Reading only these columns
 * keeps the first screen's answer a third of the whole records' size (突出表现 and 备注 are most of a record).
 */
export function listSiteTableRows(db: Db, campaignId: number, options: { deleted?: boolean } = {}): SiteTableRow[] {
  return db
    .prepare(
      `SELECT id, code, name, type, enterprise, recommender, city, district, address, star_level AS starLevel, status
       FROM sites WHERE campaign_id = ? AND deleted_at IS ${options.deleted ? 'NOT ' : ''}NULL ORDER BY id`,
    )
    .all(campaignId) as SiteTableRow[]
}

/** Sites not deleted, of every year (what a restore reports having brought back). */
export function countLiveSites(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM sites WHERE deleted_at IS NULL').get() as { n: number }).n
}

/**
 * Sites of one database. Statements are prepared once per repository: the repository is created per open
 * database (in the app context), never held in a module variable.
 */
export class SiteRepository {
  private readonly insertStmt
  private readonly updateStmt
  private readonly byIdStmt
  private readonly byCodeStmt
  private readonly nextSeqStmt
  private readonly bumpSeqStmt
  private readonly listLiveStmt
  private readonly listDeletedStmt
  private readonly setDeletedStmt
  private readonly setStatusStmt
  private readonly reserveStmt
  private readonly insertBatches = new Map<number, Statement>()
  /**
   * 推荐单位 repeat across a roster (a handful of operator branches), so their comparison keys are cached;
   * nameKey is pure, so a cached key is always the key. Bounded so a long-lived app cannot grow it forever.
   */
  private readonly recommenderKeys = new Map<string, string>()

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO sites (code, campaign_id, status, created_at, updated_at, ${VALUE_COLUMNS.join(', ')})
       VALUES (?, ?, ?, ?, ?, ${VALUE_COLUMNS.map(() => '?').join(', ')})`,
    )
    this.updateStmt = db.prepare(
      `UPDATE sites SET updated_at = ?, ${VALUE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    )
    this.byIdStmt = db.prepare('SELECT * FROM sites WHERE id = ?')
    this.byCodeStmt = db.prepare('SELECT * FROM sites WHERE code = ?')
    this.nextSeqStmt = db
      .prepare(
        `INSERT INTO site_code_counters (prefix, last_value) VALUES (?, 1)
         ON CONFLICT (prefix) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
      )
      .pluck()
    this.bumpSeqStmt = db
      .prepare('UPDATE site_code_counters SET last_value = last_value + 1 WHERE prefix = ? RETURNING last_value')
      .pluck()
    this.listLiveStmt = db.prepare('SELECT * FROM sites WHERE campaign_id = ? AND deleted_at IS NULL ORDER BY id')
    this.listDeletedStmt = db.prepare('SELECT * FROM sites WHERE campaign_id = ? AND deleted_at IS NOT NULL ORDER BY id')
    this.setDeletedStmt = db.prepare('UPDATE sites SET deleted_at = ?, updated_at = ? WHERE id = ?')
    this.setStatusStmt = db.prepare('UPDATE sites SET status = ?, updated_at = ? WHERE id = ?')
    this.reserveStmt = db
      .prepare(
        `INSERT INTO site_code_counters (prefix, last_value) VALUES (?, ?)
         ON CONFLICT (prefix) DO UPDATE SET last_value = last_value + excluded.last_value RETURNING last_value`,
      )
      .pluck()
  }

  private recommenderKey = (text: string): string => {
    let key = this.recommenderKeys.get(text)
    if (key === undefined) {
      if (this.recommenderKeys.size >= 1000) this.recommenderKeys.clear()
      key = nameKey(text)
      this.recommenderKeys.set(text, key)
    }
    return key
  }

  /** Next code for a prefix such as GD-2021-Y; three digits, more once past 999. */
  nextCode(prefix: string): string {
    // A plain UPDATE is ~20% cheaper than the upsert and hits for every code but a prefix's first; the
    // upsert then creates the counter (and stays correct if another connection created it meanwhile).
    const value = (this.bumpSeqStmt.get(prefix) ?? this.nextSeqStmt.get(prefix)) as number
    return `${prefix}${String(value).padStart(3, '0')}`
  }

  /**
   * The next `count` codes of a prefix in one statement: the same codes, in the same order, as `count` calls
   * of nextCode, for an import that creates thousands of sites.
   */
  reserveCodes(prefix: string, count: number): string[] {
    if (count <= 0) return []
    const last = this.reserveStmt.get(prefix, count) as number
    const codes: string[] = new Array(count)
    for (let i = 0; i < count; i++) codes[i] = `${prefix}${String(last - count + 1 + i).padStart(3, '0')}`
    return codes
  }

  /**
   * Many new sites, INSERT_BATCH rows per statement, in the order given (so ids ascend in that order, as
   * with one insert each). Returns each new site's id, by code. Call inside a transaction.
   */
  insertMany(rows: { values: SiteValues; code: string }[], meta: { campaignId: number; status: SiteStatus; now: string }): Map<string, number> {
    const ids = new Map<string, number>()
    const params: unknown[] = []
    const flush = () => {
      const count = params.length / INSERT_ROW_PARAMS
      // RETURNING's row order is not promised by SQLite: the code (unique) says which id is whose.
      for (const [code, id] of this.insertBatch(count).raw().all(params) as [string, number][]) ids.set(code, id)
      params.length = 0
    }
    for (const row of rows) {
      params.push(row.code, meta.campaignId, meta.status, meta.now, meta.now, ...valueArgs(row.values, this.recommenderKey))
      if (params.length === INSERT_BATCH * INSERT_ROW_PARAMS) flush()
    }
    if (params.length) flush()
    return ids
  }

  private insertBatch(rows: number): Statement {
    let stmt = this.insertBatches.get(rows)
    if (!stmt) {
      const one = `(?, ?, ?, ?, ?, ${VALUE_COLUMNS.map(() => '?').join(', ')})`
      stmt = this.db.prepare(
        `INSERT INTO sites (code, campaign_id, status, created_at, updated_at, ${VALUE_COLUMNS.join(', ')})
         VALUES ${Array.from({ length: rows }, () => one).join(', ')} RETURNING code, id`,
      )
      this.insertBatches.set(rows, stmt)
    }
    return stmt
  }

  insert(values: SiteValues, meta: { code: string; campaignId: number; status: SiteStatus; now: string }): number {
    const info = this.insertStmt.run(
      meta.code,
      meta.campaignId,
      meta.status,
      meta.now,
      meta.now,
      valueArgs(values, this.recommenderKey), // better-sqlite3 binds an array argument as its elements
    )
    return Number(info.lastInsertRowid)
  }

  update(id: number, values: SiteValues, now: string): void {
    this.updateStmt.run(now, valueArgs(values, this.recommenderKey), id)
  }

  get(id: number): SiteRecord | null {
    const row = this.byIdStmt.get(id) as SiteRow | undefined
    return row ? siteFromRow(row) : null
  }

  getByCode(code: string): SiteRecord | null {
    const row = this.byCodeStmt.get(code) as SiteRow | undefined
    return row ? siteFromRow(row) : null
  }

  list(campaignId: number, options: { deleted?: boolean } = {}): SiteRecord[] {
    const rows = (options.deleted ? this.listDeletedStmt : this.listLiveStmt).all(campaignId) as SiteRow[]
    return rows.map(siteFromRow)
  }

  setDeleted(id: number, deletedAt: string | null, now: string): void {
    this.setDeletedStmt.run(deletedAt, now, id)
  }

  setStatus(id: number, status: SiteStatus, now: string): void {
    this.setStatusStmt.run(status, now, id)
  }
}
