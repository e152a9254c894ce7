import { runChecks } from '../../services/checks/engine'
import { blockingSites, checkSummary, listFindings, unwaiveFinding, waiveFinding } from '../../services/checks/findings'
import { exportCheckReport } from '../../services/checks/report'
import type { HandlersFor } from '../handler'
import type { checksOps } from './contract'

export const checksHandlers: HandlersFor<typeof checksOps> = {
  'checks.run': (input, { app, job }) => runChecks(app, input, job),
  'checks.findings': (input, { app }) => ({ findings: listFindings(app, input) }),
  'checks.waive': (input, { app }) => waiveFinding(app, input.findingId, input.reason),
  'checks.unwaive': (input, { app }) => unwaiveFinding(app, input.findingId),
  'checks.summary': (_input, { app }) => checkSummary(app),
  'checks.blocking': (input, { app }) => ({ sites: blockingSites(app, input.siteIds) }),
  'checks.exportReport': async (input, { app, job }) => ({ path: await exportCheckReport(app, input, job) }),
}
