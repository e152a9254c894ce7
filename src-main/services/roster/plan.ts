/**
 * What an import would do, row by row, against the database as it is now: create, update (matched by 现场编号,
 * else by normalised 现场名称 + 推荐单位) or refuse; plus the rule warnings each stored row will raise. Used by
 * preview (to show) and by commit (to do), so both always agree.
 */
import { buildDuplicateIndex } from '../../core/checks/duplicates'
import { cellText } from '../../core/roster/cellValue'
import type { RosterField } from '../../core/roster/columns'
import type { RowProblem } from '../../core/roster/problems'
import { warningsFor } from '../../core/roster/ruleWarnings'
import { fieldLabel, letterOf, type ReadRow } from '../../core/roster/siteRow'
import { nameKey } from '../../core/text'
import { changeStamp } from '../../db/connection'
import type { Association } from '../../db/repositories/association'
import type { Campaign } from '../../db/repositories/campaigns'
import { listSiteMatchRows, type SiteMatchRow } from '../../db/repositories/sites'
import { listTrainingClasses } from '../../db/repositories/training'
import type { AppContext } from '../context'
import { requireSetup } from '../settings/association'
import type { ParsedRoster } from './parse'

export type RowStatus = 'new' | 'update' | 'error'

export interface PlannedRow {
  read: ReadRow
  status: RowStatus
  /** The existing site an 'update' row writes to. */
  target: { id: number; code: string } | null
  problems: RowProblem[]
}

export interface RosterPlan {
  association: Association
  campaign: Campaign
  provinceCode: string
  rows: PlannedRow[]
}

const pairKey = (name: string, recommender: string) => {
  const n = nameKey(name)
  const r = nameKey(recommender)
  return n && r ? `${n}|${r}` : ''
}

/**
 * The last plan per open app (AppContext.roster). A plan is a pure function of the parsed rows (the same array for the same file
 * bytes, see parseCache) and the database; commit reuses the preview's plan only when the rows are the same
 * and the database has not changed since: no write on this connection (total_changes()) and none by another
 * connection (PRAGMA data_version). Any write at all — a site saved, a setting changed, a training roster
 * imported — and the plan is made afresh.
 */
export function planRoster(app: AppContext, parsed: ParsedRoster): RosterPlan {
  const state = changeStamp(app.db)
  const hit = app.roster.plan
  if (hit && hit.rows === parsed.rows && hit.columns === parsed.columns && hit.state === state) return hit.plan
  const plan = makePlan(app, parsed)
  app.roster.plan = { rows: parsed.rows, columns: parsed.columns, state, plan }
  return plan
}

function makePlan(app: AppContext, parsed: ParsedRoster): RosterPlan {
  const { association, campaign, provinceCode } = requireSetup(app)
  const all = listSiteMatchRows(app.db)
  const byCode = new Map(all.map((s) => [s.code.toUpperCase(), s]))
  const live = all.filter((s) => s.campaign_id === campaign.id && s.deleted_at === null)
  const byPair = new Map<string, SiteMatchRow>()
  for (const s of live) if (!byPair.has(`${s.name_key}|${s.recommender_key}`)) byPair.set(`${s.name_key}|${s.recommender_key}`, s)
  const roster = new Map(
    listTrainingClasses(app.db).map((r) => [r.certificate_no.toUpperCase(), r.class]),
  )

  const problem = (read: ReadRow, field: RosterField, message: string): RowProblem => ({
    row: read.row,
    column: letterOf(parsed.columns, field),
    field,
    label: fieldLabel(field),
    kind: 'error',
    message,
  })

  const firstByCode = new Map<string, number>()
  const firstByPair = new Map<string, number>()
  const firstByTarget = new Map<number, number>()
  const rows: PlannedRow[] = parsed.rows.map((read) => {
    const problems = read.problems.slice()
    let target: SiteMatchRow | null = null
    // One duplicate message per row is enough, whichever key found it first.
    let duplicate = false
    if (read.code) {
      const site = byCode.get(read.code)
      if (!site) problems.push(problem(read, 'code', `现场编号“${read.code}”在系统中不存在；新现场请不要填写现场编号，系统会自动分配`))
      else if (site.deleted_at) problems.push(problem(read, 'code', `现场编号“${read.code}”对应的现场已在回收站中，请先恢复该现场再导入`))
      else if (site.campaign_id !== campaign.id) problems.push(problem(read, 'code', `现场编号“${read.code}”属于其他年度的评定活动，不能在本年度导入`))
      else target = site
      const first = firstByCode.get(read.code)
      if (first !== undefined) {
        problems.push(problem(read, 'code', `与第 ${first} 行的现场编号相同（重复行），同一现场只能出现一次`))
        duplicate = true
      } else firstByCode.set(read.code, read.row)
    }
    const pair = read.values
      ? pairKey(read.values.name, read.values.recommender)
      : pairKey(cellText(read.cells.name ?? null), cellText(read.cells.recommender ?? null))
    if (pair) {
      if (!read.code && !target) target = byPair.get(pair) ?? null
      const first = firstByPair.get(pair)
      if (first === undefined) firstByPair.set(pair, read.row)
      else if (!duplicate) {
        problems.push(problem(read, 'name', `与第 ${first} 行的现场名称和推荐单位相同（重复行），同一现场只能出现一次`))
        duplicate = true
      }
    }
    if (target) {
      const first = firstByTarget.get(target.id)
      if (first === undefined) firstByTarget.set(target.id, read.row)
      else if (!duplicate)
        problems.push(problem(read, read.code ? 'code' : 'name', `与第 ${first} 行指向同一个现场 ${target.code}（重复行），同一现场只能出现一次`))
    }
    const status: RowStatus = problems.length || !read.values ? 'error' : target ? 'update' : 'new'
    return { read, status, target: target && { id: target.id, code: target.code }, problems }
  })

  // Duplicate-site warnings compare with the database as it will be after the import: existing sites with
  // the rows of this file laid over them (an updated site by its new values, a new site by its row).
  const after = new Map<number, { id: number; code: string; name: string; city: string; address: string }>()
  for (const s of live) after.set(s.id, { id: s.id, code: s.code, name: s.name, city: s.city, address: s.address })
  const idOf = (r: PlannedRow) => r.target?.id ?? -r.read.row
  // A new row has no code yet: the duplicate rule names it by its row (its id is minus the row number).
  const codeOf = (r: PlannedRow) => r.target?.code ?? ''
  for (const r of rows) {
    if (r.status === 'error') continue
    const v = r.read.values!
    after.set(idOf(r), { id: idOf(r), code: codeOf(r), name: v.name, city: v.city, address: v.address })
  }
  const warnings = warningsFor({ config: campaign.config, province: association.province, roster, duplicates: buildDuplicateIndex(after.values()) })
  // Most rows warn about something, always in a handful of columns: each column's letter is worked out once.
  const letters = new Map<string, string>()
  const letter = (field: string) => {
    let l = letters.get(field)
    if (l === undefined) letters.set(field, (l = letterOf(parsed.columns, field)))
    return l
  }
  for (const r of rows) {
    if (r.status === 'error') continue
    for (const w of warnings(idOf(r), codeOf(r), r.read.values!))
      r.problems.push({
        row: r.read.row,
        column: letter(w.field),
        field: w.field,
        label: fieldLabel(w.field),
        kind: 'warning',
        message: w.message,
        rule: w.rule,
      })
  }
  return { association, campaign, provinceCode, rows }
}
