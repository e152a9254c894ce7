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

function valueParams(v: SiteValues) {
  return {
    name: v.name,
    name_key: nameKey(v.name),
    type: v.type,
    enterprise: v.enterprise,
    recommender: v.recommender,
    recommender_key: nameKey(v.recommender),
    uscc: v.uscc,
    city: v.city,
    district: v.district,
    address: v.address,
    star_level: v.starLevel,
    manager: v.manager,
    phone: v.phone,
    email: v.email,
    staff_count: v.staffCount,
    area_sqm: v.areaSqm,
    seats: v.seats,
    certificates: JSON.stringify(v.certificates),
    highlights: v.highlights,
    apply_date: v.applyDate,
    remarks: v.remarks,
  }
}

const VALUE_COLUMNS = Object.keys(valueParams({ certificates: [] } as unknown as SiteValues))

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

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO sites (code, campaign_id, status, created_at, updated_at, ${VALUE_COLUMNS.join(', ')})
       VALUES (@code, @campaign_id, @status, @now, @now, ${VALUE_COLUMNS.map((c) => '@' + c).join(', ')})`,
    )
    this.updateStmt = db.prepare(
      `UPDATE sites SET updated_at = @now, ${VALUE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}
       WHERE id = @id`,
    )
    this.byIdStmt = db.prepare('SELECT * FROM sites WHERE id = ?')
    this.byCodeStmt = db.prepare('SELECT * FROM sites WHERE code = ?')
    this.nextSeqStmt = db.prepare(
      `INSERT INTO site_code_counters (prefix, last_value) VALUES (?, 1)
       ON CONFLICT (prefix) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
    )
  }

  /** Next code for a prefix such as GD-2021-Y; three digits, more once past 999. */
  nextCode(prefix: string): string {
    const { last_value } = this.nextSeqStmt.get(prefix) as { last_value: number }
    return `${prefix}${String(last_value).padStart(3, '0')}`
  }

  insert(values: SiteValues, meta: { code: string; campaignId: number; status: SiteStatus; now: string }): number {
    const info = this.insertStmt.run({
      ...valueParams(values),
      code: meta.code,
      campaign_id: meta.campaignId,
      status: meta.status,
      now: meta.now,
    })
    return Number(info.lastInsertRowid)
  }

  update(id: number, values: SiteValues, now: string): void {
    this.updateStmt.run({ ...valueParams(values), id, now })
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
    const rows = this.db
      .prepare(
        `SELECT * FROM sites WHERE campaign_id = ? AND deleted_at IS ${options.deleted ? 'NOT NULL' : 'NULL'}
         ORDER BY id`,
      )
      .all(campaignId) as SiteRow[]
    return rows.map(siteFromRow)
  }

  setDeleted(id: number, deletedAt: string | null, now: string): void {
    this.db.prepare('UPDATE sites SET deleted_at = ?, updated_at = ? WHERE id = ?').run(deletedAt, now, id)
  }

  setStatus(id: number, status: SiteStatus, now: string): void {
    this.db.prepare('UPDATE sites SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id)
  }
}
