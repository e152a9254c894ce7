import { AppError } from '../../core/errors'
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
