import type { Db } from '../connection'

export interface RegisterFile {
  path: string
  size: number
  sha256: string
}

export interface RegisterSiteInput {
  code: string
  name: string
  type: string
  recommender: string
  starLevel: number
  /** Every field the bundle carries for the site, as received. */
  fields: Record<string, unknown>
  files: RegisterFile[]
}

export interface RegisterSite extends RegisterSiteInput {
  id: number
  bundleId: number
  province: string
}

interface SiteRow {
  id: number
  bundle_id: number
  province: string
  code: string
  name: string
  type: string
  recommender: string
  star_level: number
  fields_json: string
}

export function insertRegisterSites(db: Db, bundleId: number, province: string, sites: RegisterSiteInput[]): void {
  const site = db.prepare(
    `INSERT INTO register_sites (bundle_id, province, code, name, type, recommender, star_level, fields_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const file = db.prepare('INSERT INTO register_files (site_id, path, size, sha256) VALUES (?, ?, ?, ?)')
  for (const s of sites) {
    const id = site.run(bundleId, province, s.code, s.name, s.type, s.recommender, s.starLevel, JSON.stringify(s.fields)).lastInsertRowid
    for (const f of s.files) file.run(id, f.path, f.size, f.sha256)
  }
}

/** A register row as the services see it, without its files. */
function siteOf(r: SiteRow): Omit<RegisterSite, 'files'> {
  return {
    id: r.id,
    bundleId: r.bundle_id,
    province: r.province,
    code: r.code,
    name: r.name,
    type: r.type,
    recommender: r.recommender,
    starLevel: r.star_level,
    fields: JSON.parse(r.fields_json) as Record<string, unknown>,
  }
}

function withFiles(db: Db, rows: SiteRow[]): RegisterSite[] {
  const files = db.prepare('SELECT path, size, sha256 FROM register_files WHERE site_id = ? ORDER BY id')
  return rows.map((r) => ({ ...siteOf(r), files: files.all(r.id) as RegisterFile[] }))
}

/** The sites of one bundle (current or history). */
export function sitesOfBundle(db: Db, bundleId: number): RegisterSite[] {
  return withFiles(db, db.prepare('SELECT * FROM register_sites WHERE bundle_id = ? ORDER BY id').all(bundleId) as SiteRow[])
}

/** The national register as it stands: each province's latest ingested bundle. */
export function currentRegister(db: Db, filter: { province?: string } = {}): RegisterSite[] {
  const rows = filter.province
    ? db.prepare('SELECT * FROM register_current WHERE province = ? ORDER BY province, code').all(filter.province)
    : db.prepare('SELECT * FROM register_current ORDER BY province, code').all()
  return withFiles(db, rows as SiteRow[])
}

/** One file of a register site, with the content address of the bundle that holds it. */
export function registerFile(db: Db, siteId: number, entryPath: string): (RegisterFile & { bundleSha256: string }) | null {
  return (
    (db
      .prepare(
        `SELECT f.path, f.size, f.sha256, b.sha256 AS bundleSha256 FROM register_files f
         JOIN register_sites s ON s.id = f.site_id JOIN received_bundles b ON b.id = s.bundle_id
         WHERE f.site_id = ? AND f.path = ?`,
      )
      .get(siteId, entryPath) as (RegisterFile & { bundleSha256: string }) | undefined) ?? null
  )
}

/** The current register without each site's file list: for whole-register passes (duplicates) at 10,000 sites. */
export function currentRegisterFields(db: Db): Omit<RegisterSite, 'files'>[] {
  return (db.prepare('SELECT * FROM register_current ORDER BY province, code').all() as SiteRow[]).map(siteOf)
}

/** One register row (current or history) with its files, for a site's drawer. */
export function registerSiteById(db: Db, id: number): RegisterSite | null {
  const row = db.prepare('SELECT * FROM register_sites WHERE id = ?').get(id) as SiteRow | undefined
  return row ? withFiles(db, [row])[0] : null
}
