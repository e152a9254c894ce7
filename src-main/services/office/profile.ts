import { AppError } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import { getOfficeDocPrefix, getOfficeProfile, saveOfficeDocPrefix, saveOfficeProfile, type OfficeProfile } from '../../db/office/profile'
import { openOffice, type OpenOfficeOptions, type OfficeContext } from './context'

export interface InitOfficeInput {
  name: string
  shortName: string
  year?: number
  /** 发文代字 of the office's 回执 (推进办 → 推进办函〔2021〕1号); absent: the short name, or what was set before. */
  docPrefix?: string
}

function checkedPrefix(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const prefix = value.trim()
  if (!prefix) throw new AppError('invalid-input', '发文代字不能为空', { field: 'docPrefix' })
  if (prefix.length > 20 || /[\s〔〕[\]()（）0-9<>&"]/.test(prefix))
    throw new AppError('invalid-input', `发文代字“${prefix}”不对：应为不超过 20 字的机关代字，不含空格、括号和数字，如 推进办`, { field: 'docPrefix' })
  return prefix
}

function checked(input: InitOfficeInput): OfficeProfile {
  const name = input.name.trim()
  const shortName = input.shortName.trim()
  if (!name) throw new AppError('invalid-input', '推进办公室名称不能为空', { field: 'name' })
  if (!shortName) throw new AppError('invalid-input', '推进办公室简称不能为空', { field: 'shortName' })
  const year = input.year ?? 2021
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('invalid-input', `活动年度“${year}”不对，应为 2000–2100 之间的年份`, { field: 'year' })
  return { name, shortName, year }
}

/** Create (or update) the office's folder and profile. Input is checked before anything is created. */
export function initOffice(
  options: Omit<OpenOfficeOptions, 'create'>,
  input: InitOfficeInput,
): { office: OfficeContext; profile: OfficeProfile; created: boolean; docPrefix: string | null } {
  const profile = checked(input)
  const prefix = checkedPrefix(input.docPrefix)
  const office = openOffice({ ...options, create: true })
  try {
    const created = getOfficeProfile(office.db) === null
    office.db.transaction(() => {
      saveOfficeProfile(office.db, profile, office.now())
      if (prefix !== undefined) saveOfficeDocPrefix(office.db, prefix, office.now())
      appendAudit(
        office.db,
        {
          actor: office.actor,
          action: created ? 'create' : 'update',
          entity: 'office',
          entityId: 1,
          summary: `${created ? '设置' : '修改'}推进办公室：${profile.name}（${profile.shortName}），${profile.year} 年度${prefix !== undefined ? `，发文代字 ${prefix}` : ''}`,
          details: prefix !== undefined ? { ...profile, docPrefix: prefix } : profile,
        },
        office.now(),
      )
    })()
    return { office, profile, created, docPrefix: getOfficeDocPrefix(office.db) }
  } catch (error) {
    office.close()
    throw error
  }
}

export function requireOfficeProfile(office: OfficeContext): OfficeProfile {
  const profile = getOfficeProfile(office.db)
  if (!profile) throw new AppError('not-initialised', '尚未设置推进办公室信息，请先运行 starsite office init --name 名称 --short 简称。')
  return profile
}
