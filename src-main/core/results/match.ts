/**
 * Matching a published result row to one of our sites (pure). By 现场编号 when the row has one we know; else by
 * normalised name, narrowed by the row's 推荐单位/所属企业 and 现场类型. One agreeing candidate is a match; a
 * choice between several, or a name whose organisation disagrees, goes to a person for review.
 */
import type { SiteType } from '../sites/fields'
import { nameKey } from '../text'

export interface MatchSite {
  id: number
  code: string
  name: string
  type: SiteType
  enterprise: string
  recommender: string
}

export interface MatchRow {
  code: string
  name: string
  /** 推荐单位 or, when absent, 所属企业 as written in the row. */
  organisation: string
  type: SiteType | null
}

export type MatchOutcome =
  | { status: 'matched'; method: 'code' | 'name'; siteId: number; candidates: number[]; reason: string }
  | { status: 'review'; candidates: number[]; reason: string }
  | { status: 'unmatched'; candidates: []; reason: string }

const OPERATORS = ['电信', '移动', '联通', '广电', '铁塔'] as const

/** Comparison key of an organisation: nameKey without the 中国 prefix and common company suffixes. */
export function orgKey(value: string): string {
  return nameKey(value)
    .replace(/[()（）]/g, '')
    .replace(/^中国/, '')
    .replace(/(股份)?有限(责任)?公司$|公司$/, '')
}

function operatorOf(key: string): string | null {
  return OPERATORS.find((op) => key.startsWith(op) || key.includes(`${op}通信`) || key.includes(`${op}集团`)) ?? null
}

/** Does the organisation written in the row name this site's 推荐单位 or 所属企业? */
export function organisationAgrees(rowOrg: string, site: MatchSite): boolean {
  const k = orgKey(rowOrg)
  if (!k) return true
  const r = orgKey(site.recommender)
  const e = orgKey(site.enterprise)
  if (k === r || k === e) return true
  if (r && (r.includes(k) || k.includes(r))) return true
  // "移动" or "中国移动" alone names the operator: it agrees with any site of that operator.
  const op = operatorOf(k)
  if (op && k === op) return operatorOf(e) === op || operatorOf(r) === op
  return false
}

export const codeKey = (code: string): string => nameKey(code).toUpperCase()

export class SiteIndex {
  private readonly byCode = new Map<string, MatchSite>()
  private readonly byName = new Map<string, MatchSite[]>()

  constructor(sites: MatchSite[]) {
    for (const s of sites) {
      this.byCode.set(codeKey(s.code), s)
      const key = nameKey(s.name)
      const list = this.byName.get(key)
      if (list) list.push(s)
      else this.byName.set(key, [s])
    }
  }

  match(row: MatchRow): MatchOutcome {
    const byCode = row.code ? this.byCode.get(codeKey(row.code)) : undefined
    if (byCode) return { status: 'matched', method: 'code', siteId: byCode.id, candidates: [byCode.id], reason: '现场编号一致' }
    const unknownCode = row.code ? `现场编号“${row.code}”不是本系统的编号；` : ''
    const named = this.byName.get(nameKey(row.name)) ?? []
    if (!named.length) return { status: 'unmatched', candidates: [], reason: `${unknownCode}没有同名的现场` }
    const typed = row.type ? named.filter((s) => s.type === row.type) : named
    const pool = typed.length ? typed : named
    if (row.organisation) {
      const agreeing = pool.filter((s) => organisationAgrees(row.organisation, s))
      if (agreeing.length === 1)
        return { status: 'matched', method: 'name', siteId: agreeing[0].id, candidates: [agreeing[0].id], reason: `${unknownCode}名称和单位一致` }
      if (agreeing.length > 1)
        return { status: 'review', candidates: agreeing.map((s) => s.id), reason: `${unknownCode}有 ${agreeing.length} 个同名同单位的现场，请选择` }
      return {
        status: 'review',
        candidates: pool.map((s) => s.id),
        reason: `${unknownCode}名称相同，但单位“${row.organisation}”与本系统登记的不一致，请核对`,
      }
    }
    if (pool.length === 1)
      return { status: 'matched', method: 'name', siteId: pool[0].id, candidates: [pool[0].id], reason: `${unknownCode}名称一致` }
    return { status: 'review', candidates: pool.map((s) => s.id), reason: `${unknownCode}有 ${pool.length} 个同名的现场，结果表未写推荐单位，请选择` }
  }
}
