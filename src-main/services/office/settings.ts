/**
 * The office's profile as its pages show and edit it: name, short name, year, and the 报送截止日期 the 总览
 * counts down to (kept in office_meta: the role marker's table, so no migration is needed for it).
 */
import { AppError } from '../../core/errors'
import { appendAudit } from '../../db/repositories/audit'
import { getOfficeMeta, setOfficeMeta } from '../../db/office/meta'
import { saveOfficeProfile, type OfficeProfile } from '../../db/office/profile'
import type { OfficeContext } from './context'
import { requireOfficeProfile } from './profile'

const DEADLINE_KEY = 'deadline'

export interface OfficeProfileView extends OfficeProfile {
  /** YYYY-MM-DD, or null when none was set. */
  deadline: string | null
}

export function getOfficeDeadline(office: OfficeContext): string | null {
  return getOfficeMeta(office.db, DEADLINE_KEY)
}

export function officeProfileView(office: OfficeContext): OfficeProfileView {
  return { ...requireOfficeProfile(office), deadline: getOfficeDeadline(office) }
}

export interface OfficeProfilePatch {
  name?: string
  shortName?: string
  year?: number
  /** null clears it. */
  deadline?: string | null
}

export function updateOfficeProfile(office: OfficeContext, patch: OfficeProfilePatch): OfficeProfileView {
  return office.db.transaction((): OfficeProfileView => {
    const before = officeProfileView(office)
    const profile: OfficeProfile = {
      name: patch.name?.trim() ?? before.name,
      shortName: patch.shortName?.trim() ?? before.shortName,
      year: patch.year ?? before.year,
    }
    if (!profile.name) throw new AppError('invalid-input', '推进办公室名称不能为空', { field: 'name' })
    if (!profile.shortName) throw new AppError('invalid-input', '推进办公室简称不能为空', { field: 'shortName' })
    const deadline = patch.deadline === undefined ? before.deadline : patch.deadline
    const after: OfficeProfileView = { ...profile, deadline }
    const changed = (Object.keys(after) as (keyof OfficeProfileView)[]).filter((k) => after[k] !== before[k])
    if (!changed.length) return before
    const now = office.now()
    saveOfficeProfile(office.db, profile, now)
    setOfficeMeta(office.db, DEADLINE_KEY, deadline)
    appendAudit(
      office.db,
      {
        actor: office.actor,
        action: 'update',
        entity: 'office',
        entityId: 1,
        summary: `修改推进办公室信息：${profile.name}（${profile.shortName}），${profile.year} 年度，报送截止日期 ${deadline ?? '未设'}`,
        details: { before, after },
      },
      now,
    )
    return after
  })()
}
