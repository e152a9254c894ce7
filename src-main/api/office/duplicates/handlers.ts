import { pairKey } from '../../../core/office/duplicates'
import { listDuplicates, resolveDuplicate, type DuplicatePairView } from '../../../services/office/duplicates'
import type { OfficeHandlersFor } from '../../handler'
import type { officeDuplicatesOps } from './contract'

const pairView = (p: DuplicatePairView) => ({ key: pairKey(p.a, p.b), ...p })

export const officeDuplicatesHandlers: OfficeHandlersFor<typeof officeDuplicatesOps> = {
  'office.duplicates.list': (_input, { office }) => ({ pairs: listDuplicates(office).map(pairView) }),
  'office.duplicates.resolve': (input, { office }) =>
    pairView(resolveDuplicate(office, { a: `${input.a.province}:${input.a.code}`, b: `${input.b.province}:${input.b.code}`, as: input.as, reason: input.reason })),
}
