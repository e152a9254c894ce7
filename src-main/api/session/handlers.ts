import { getOfficeDeadline } from '../../services/office/settings'
import type { Session } from '../../services/session'
import type { sharedOps } from '../contract'
import type { SessionHandlersFor } from '../handler'
import { jobsHandlers } from '../jobs/handlers'
import { mergeFeatures } from '../mergeFeatures'
import type { sessionOps } from './contract'

const describe = (session: Session) => ({ role: session.state.role, canBecomeOffice: session.canBecomeOffice(), dataDir: session.dataDir })

export const sessionHandlers: SessionHandlersFor<typeof sessionOps> = {
  'session.get': (_input, { session }) => describe(session),
  'session.becomeOffice': async (input, { session }) => {
    const { profile } = await session.becomeOffice(input)
    const office = session.state.role === 'office' ? session.state.office : null
    return { ...describe(session), profile: { ...profile, deadline: office ? getOfficeDeadline(office) : null } }
  },
}

/** Operations of either role, keyed like sharedOps in the contract. */
export const sharedHandlers: SessionHandlersFor<typeof sharedOps> = mergeFeatures({ session: sessionHandlers, jobs: jobsHandlers })
