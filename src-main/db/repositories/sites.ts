import type { SiteStatus, SiteType } from '../../core/sites/fields'
import type { SiteValues } from '../../core/sites/draft'
import { nameKey } from '../../core/text'
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

/** Anything nameKey would change: whitespace (incl. U+00A0, U+3000) or full-width ASCII. */
const NEEDS_KEYING = /[\s\uFF01-\uFF5E]/

/**
 * nameKey, with a fast path for the common case. Names reaching the repository were read by readSiteDraft
 * (already trimmed and half-width), so most are their own key; one regex test and one toLowerCase then
 * replace nameKey's four regex passes, which showed up in bulk-insert profiles. Equality with nameKey for
 * any string is a property test (test/unit/db/sites.test.ts).
 */
export function siteNameKey(value: string): string {
  if (!NEEDS_KEYING.test(value)) return value.toLowerCase()
  return nameKey(value)
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

/**
 * Positional values for VALUE_COLUMNS. Positional rather than named binding: with 20-odd columns, building
 * and binding a named-parameter object (plus spreading it) cost measurably more per row on bulk imports
 * (see bench/cases/insertSites.ts).
 */
function valueArgs(v: SiteValues, keyOf: (text: string) => string): unknown[] {
  return [
    v.name,
    siteNameKey(v.name),
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
  }

  private recommenderKey = (text: string): string => {
    let key = this.recommenderKeys.get(text)
    if (key === undefined) {
      if (this.recommenderKeys.size >= 1000) this.recommenderKeys.clear()
      key = siteNameKey(text)
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
