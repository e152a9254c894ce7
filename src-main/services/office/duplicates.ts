/**
 * Duplicate pairs across the national register, shown side by side with how the office resolved each. A
 * resolution is stored by the pair's (province, code) identity, so it still applies after either province
 * re-sends its bundle; a pair that no longer appears simply is not listed.
 */
import { AppError } from '../../core/errors'
import { DUPLICATE_REASON_LABELS, findOfficeDuplicates, pairKey, siteRef, type DuplicateReason, type OfficeSiteKeys } from '../../core/office/duplicates'
import { appendAudit } from '../../db/repositories/audit'
import { listResolutions, saveResolution, type Resolution } from '../../db/office/duplicates'
import { currentRegisterFields } from '../../db/office/register'
import type { OfficeContext } from './context'
import { findRegisterSite } from './register'

/** One side of a pair: 省份, 现场编号, 名称, 地市, 地址, 统一社会信用代码 as the register holds them. */
export type DuplicateSide = OfficeSiteKeys

export interface DuplicatePairView {
  a: DuplicateSide
  b: DuplicateSide
  reasons: DuplicateReason[]
  /** The reasons in Chinese, for a person. */
  reasonLabels: string[]
  resolution: { as: Resolution; reason: string; resolvedAt: string; resolvedBy: string } | null
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value))

function registerKeys(office: OfficeContext): DuplicateSide[] {
  return currentRegisterFields(office.db).map((s) => ({
    province: s.province,
    code: s.code,
    name: s.name,
    city: text(s.fields.city),
    address: text(s.fields.address),
    uscc: text(s.fields.uscc),
  }))
}

export function listDuplicates(office: OfficeContext): DuplicatePairView[] {
  const resolved = new Map(listResolutions(office.db).map((r) => [pairKey(r.a, r.b), r]))
  return findOfficeDuplicates(registerKeys(office)).map((p) => {
    const r = resolved.get(p.key)
    return {
      a: p.a,
      b: p.b,
      reasons: p.reasons,
      reasonLabels: p.reasons.map((x) => DUPLICATE_REASON_LABELS[x]),
      resolution: r ? { as: r.resolution, reason: r.reason, resolvedAt: r.resolvedAt, resolvedBy: r.resolvedBy } : null,
    }
  })
}

export interface ResolveInput {
  a: string
  b: string
  as: Resolution
  reason?: string
}

export function resolveDuplicate(office: OfficeContext, input: ResolveInput): DuplicatePairView {
  const reason = (input.reason ?? '').trim()
  if (input.as === 'duplicate' && !reason) throw new AppError('invalid-input', '确认为重复时请用 --reason 写明理由', { field: 'reason' })
  return office.db.transaction((): DuplicatePairView => {
    const sites = registerKeys(office)
    const x = findRegisterSite(sites, input.a)
    const y = findRegisterSite(sites, input.b)
    const key = pairKey(x, y)
    if (x === y) throw new AppError('invalid-input', `两个参数指向同一个现场 ${siteRef(x)}`)
    const pair = findOfficeDuplicates(sites.filter((s) => s === x || s === y)).find((p) => p.key === key)
    if (!pair) throw new AppError('conflict', `${siteRef(x)} 与 ${siteRef(y)} 不是疑似重复的一对（信用代码与地址、同市名称、地址都不相同），无需处理`)
    const resolvedAt = office.now()
    saveResolution(office.db, { a: { province: pair.a.province, code: pair.a.code }, b: { province: pair.b.province, code: pair.b.code }, resolution: input.as, reason, resolvedAt, resolvedBy: office.actor })
    appendAudit(
      office.db,
      {
        actor: office.actor,
        action: 'resolve-duplicate',
        entity: 'duplicate-pair',
        entityId: key,
        summary: `${siteRef(pair.a)} 与 ${siteRef(pair.b)}：${input.as === 'duplicate' ? '确认为重复' : '确认不是重复'}${reason ? `（${reason}）` : ''}`,
        details: { as: input.as, reason, reasons: pair.reasons },
      },
      resolvedAt,
    )
    return {
      a: pair.a,
      b: pair.b,
      reasons: pair.reasons,
      reasonLabels: pair.reasons.map((r) => DUPLICATE_REASON_LABELS[r]),
      resolution: { as: input.as, reason, resolvedAt, resolvedBy: office.actor },
    }
  })()
}
