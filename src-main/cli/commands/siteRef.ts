/** A site named on the command line: by its code (any case, full-width tolerated) or by its name. */
import type { Site } from '../../api/contract'
import { cleanProse, cleanText, nameKey } from '../../core/text'
import { CommandFailure } from '../command'

/**
 * A site by its code or, failing that, by its name: as typed, else by the name key, so `（新址）` finds a site
 * stored as `(新址)` (and the other way round).
 */
export function findSite(sites: Site[], given: string): Site {
  const code = cleanText(given)
  const byCode = sites.find((s) => s.code.toUpperCase() === code.toUpperCase())
  if (byCode) return byCode
  const text = cleanProse(given)
  let byName = sites.filter((s) => s.name === text)
  if (!byName.length) {
    const key = nameKey(text)
    byName = sites.filter((s) => nameKey(s.name) === key)
  }
  if (byName.length === 1) return byName[0]
  if (byName.length > 1)
    throw new CommandFailure({
      code: 'invalid-input',
      message: `有 ${byName.length} 个现场都叫“${text}”（${byName.map((s) => s.code).join('、')}），请改用现场编号`,
    })
  throw new CommandFailure({
    code: 'invalid-input',
    message: `找不到现场“${text}”：请填写现场编号（如 GD-2021-Y001）或完整的现场名称，可用 starsite list 查看`,
  })
}
