import { AppError } from '../../core/errors'
import { codeKey } from '../../core/results/match'
import { currentRegister, type RegisterSite } from '../../db/office/register'
import type { OfficeContext } from './context'
import { provinceName } from './keys'

/** The national register as it stands (each province's latest ingested bundle), optionally one province. */
export function listRegister(office: OfficeContext, filter: { province?: string } = {}): RegisterSite[] {
  return currentRegister(office.db, filter.province ? { province: provinceName(filter.province) } : {})
}

/** `省份:现场编号` (either colon), or a bare 现场编号 when only one province has it. */
export function findRegisterSite<S extends { province: string; code: string }>(sites: readonly S[], ref: string): S {
  const at = ref.search(/[:：]/)
  if (at >= 0) {
    const province = provinceName(ref.slice(0, at).trim())
    const code = ref.slice(at + 1).trim()
    const site = sites.find((s) => s.province === province && s.code === code)
    if (!site) throw new AppError('not-found', `全国名册中没有${province}的现场“${code}”`)
    return site
  }
  const matches = sites.filter((s) => s.code === ref.trim())
  if (matches.length === 0) throw new AppError('not-found', `全国名册中没有编号为“${ref}”的现场`)
  if (matches.length > 1)
    throw new AppError('invalid-input', `编号“${ref}”在${matches.map((s) => s.province).join('、')}都有，请写成“省份:编号”，如 ${matches[0].province}:${matches[0].code}`)
  return matches[0]
}

export type RegisterLookup<S> = (province: string | null, code: string) => { site: S } | { error: string }

/**
 * findRegisterSite's rule for many look-ups at once (an import of thousands of rows), by index. Codes compare
 * by their key (half-width, no spaces, upper case), so ＧＤ－２０２１－００１ finds GD-2021-001; the site found
 * keeps the register's own spelling. `province` is a full province name (provinceName's), or null.
 */
export function registerLookup<S extends { province: string; code: string }>(sites: readonly S[]): RegisterLookup<S> {
  const byCode = new Map<string, S[]>()
  for (const s of sites) {
    const key = codeKey(s.code)
    const list = byCode.get(key)
    if (list) list.push(s)
    else byCode.set(key, [s])
  }
  return (province, code) => {
    const matches = byCode.get(codeKey(code)) ?? []
    if (province !== null) {
      const site = matches.find((s) => s.province === province)
      return site ? { site } : { error: `全国名册中没有${province}的现场“${code}”` }
    }
    if (matches.length === 0) return { error: `全国名册中没有编号为“${code}”的现场` }
    if (matches.length > 1) return { error: `编号“${code}”在${matches.map((s) => s.province).join('、')}都有，请在“省份”列写明是哪个省份的` }
    return { site: matches[0] }
  }
}
