import type { Db } from '../connection'

export type Resolution = 'duplicate' | 'distinct'

export interface SiteIdentity {
  province: string
  code: string
}

export interface DuplicateResolution {
  a: SiteIdentity
  b: SiteIdentity
  resolution: Resolution
  reason: string
  resolvedAt: string
  resolvedBy: string
}

interface Row {
  province_a: string
  code_a: string
  province_b: string
  code_b: string
  resolution: Resolution
  reason: string
  resolved_at: string
  resolved_by: string
}

export function listResolutions(db: Db): DuplicateResolution[] {
  return (db.prepare('SELECT * FROM duplicate_resolutions ORDER BY province_a, code_a, province_b, code_b').all() as Row[]).map((r) => ({
    a: { province: r.province_a, code: r.code_a },
    b: { province: r.province_b, code: r.code_b },
    resolution: r.resolution,
    reason: r.reason,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  }))
}

/** `a` and `b` in the pair's sorted order; a later resolution of the same pair replaces the earlier. */
export function saveResolution(db: Db, r: DuplicateResolution): void {
  db.prepare(
    `INSERT INTO duplicate_resolutions (province_a, code_a, province_b, code_b, resolution, reason, resolved_at, resolved_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (province_a, code_a, province_b, code_b)
     DO UPDATE SET resolution = excluded.resolution, reason = excluded.reason, resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by`,
  ).run(r.a.province, r.a.code, r.b.province, r.b.code, r.resolution, r.reason, r.resolvedAt, r.resolvedBy)
}
