import { currentRegister, type RegisterSite } from '../../db/office/register'
import type { OfficeContext } from './context'
import { provinceName } from './keys'

/** The national register as it stands (each province's latest ingested bundle), optionally one province. */
export function listRegister(office: OfficeContext, filter: { province?: string } = {}): RegisterSite[] {
  return currentRegister(office.db, filter.province ? { province: provinceName(filter.province) } : {})
}
