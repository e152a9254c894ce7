import { backupBeforeRisk } from '../../services/backup/create'
import { getCampaign, saveCampaign, startNextCampaign } from '../../services/campaign/campaign'
import type { HandlersFor } from '../handler'
import type { campaignOps } from './contract'

export const campaignHandlers: HandlersFor<typeof campaignOps> = {
  'campaign.get': (_input, { app }) => getCampaign(app),
  // A campaign change re-checks every site: keep the state before it.
  'campaign.save': async (input, { app }) => {
    await backupBeforeRisk(app, 'before-campaign-change')
    return saveCampaign(app, input.config)
  },
  'campaign.startNext': async (_input, { app }) => {
    await backupBeforeRisk(app, 'before-campaign-change')
    return startNextCampaign(app)
  },
}
