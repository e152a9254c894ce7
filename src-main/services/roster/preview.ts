/** 'roster.preview': parse and plan, change nothing, return every row with its status and problems. */
import { ROSTER_COLUMNS, type RosterField } from '../../core/roster/columns'
import type { IgnoredColumn } from '../../core/roster/header'
import { columnLetter } from '../../core/roster/letters'
import type { RowProblem } from '../../core/roster/problems'
import { rawDisplay, type ReadRow } from '../../core/roster/siteRow'
import { SITE_TYPE_INFO, starLabel } from '../../core/sites/fields'
import type { AppContext } from '../context'
import type { JobHandle } from '../jobs'
import { parseRoster, type ParsedRoster } from './parse'
import { planRoster, type RosterPlan, type RowStatus } from './plan'

export interface PreviewRow {
  row: number
  values: Partial<Record<RosterField, string>>
  status: RowStatus
  /** For 'update': the site the row will change. */
  siteCode?: string
  problems: RowProblem[]
}

export interface RosterCounts {
  total: number
  new: number
  update: number
  error: number
  /** Rows that will be imported but carry rule warnings. */
  warning: number
}

export interface RosterPreview {
  fileName: string
  fileSha256: string
  sheet: string
  headerRow: number
  columns: Partial<Record<RosterField, string>>
  ignoredColumns: IgnoredColumn[]
  rows: PreviewRow[]
  counts: RosterCounts
}

const shown = (value: string | number | null): string => (value === null ? '' : String(value))

/**
 * The row as the clerk should see it after normalisation: labels for codes, ISO dates, joined lists. Fields
 * named one by one, in the order readSiteDraft gives them, rather than walked with Object.entries: this runs
 * for every row of every preview.
 */
export function displayValues(read: ReadRow): Partial<Record<RosterField, string>> {
  const v = read.values
  if (!v) return rawDisplay(read.cells)
  const out: Partial<Record<RosterField, string>> = {}
  if (read.cells.seq != null) out.seq = String(read.cells.seq)
  out.name = shown(v.name)
  out.enterprise = shown(v.enterprise)
  out.recommender = shown(v.recommender)
  out.uscc = shown(v.uscc)
  out.city = shown(v.city)
  out.district = shown(v.district)
  out.address = shown(v.address)
  out.manager = shown(v.manager)
  out.phone = shown(v.phone)
  out.email = shown(v.email)
  out.highlights = shown(v.highlights)
  out.remarks = shown(v.remarks)
  out.certificates = v.certificates.join('、')
  out.type = SITE_TYPE_INFO[v.type].label
  out.starLevel = starLabel(v.starLevel)
  out.applyDate = shown(v.applyDate)
  out.staffCount = shown(v.staffCount)
  out.areaSqm = shown(v.areaSqm)
  out.seats = shown(v.seats)
  if (read.code) out.code = read.code
  return out
}

export function countPlan(plan: RosterPlan): RosterCounts {
  const counts: RosterCounts = { total: plan.rows.length, new: 0, update: 0, error: 0, warning: 0 }
  for (const r of plan.rows) {
    counts[r.status]++
    if (r.status !== 'error' && r.problems.some((p) => p.kind === 'warning')) counts.warning++
  }
  return counts
}

export function previewOf(parsed: ParsedRoster, plan: RosterPlan): RosterPreview {
  const columns: Partial<Record<RosterField, string>> = {}
  for (const c of ROSTER_COLUMNS) {
    const col = parsed.columns.get(c.field)
    if (col !== undefined) columns[c.field] = columnLetter(col)
  }
  return {
    fileName: parsed.fileName,
    fileSha256: parsed.sha256,
    sheet: parsed.sheet,
    headerRow: parsed.headerRow,
    columns,
    ignoredColumns: parsed.ignored,
    rows: plan.rows.map((r) => {
      const row = r.read.row
      const values = displayValues(r.read)
      // A copy: the plan may be reused by the commit, and must not change with what a caller does to this.
      const problems = r.problems.slice()
      return r.target && r.status === 'update'
        ? { row, values, status: r.status, siteCode: r.target.code, problems }
        : { row, values, status: r.status, problems }
    }),
    counts: countPlan(plan),
  }
}

export async function previewRoster(app: AppContext, filePath: string, job?: JobHandle): Promise<RosterPreview> {
  const parsed = await parseRoster(app, filePath, job)
  job?.throwIfCancelled()
  job?.progress('检查数据', 0, parsed.rows.length)
  const plan = planRoster(app, parsed)
  job?.progress('检查数据', parsed.rows.length, parsed.rows.length)
  return previewOf(parsed, plan)
}
