import { officeOverview } from '../../../services/office/overview'
import { officeProfileView, updateOfficeProfile } from '../../../services/office/settings'
import type { OfficeHandlersFor } from '../../handler'
import type { officeProfileOps } from './contract'

export const officeProfileHandlers: OfficeHandlersFor<typeof officeProfileOps> = {
  'office.profile.get': (_input, { office }) => officeProfileView(office),
  'office.profile.update': (input, { office }) => updateOfficeProfile(office, input),
  'office.overview': (_input, { office }) => officeOverview(office),
}
