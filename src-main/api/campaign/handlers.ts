import { getCampaign, saveCampaign, startNextCampaign } from '../../services/campaign/campaign'
import type { HandlersFor } from '../handler'
import type { campaignOps } from './contract'

export const campaignHandlers: HandlersFor<typeof campaignOps> = {
  'campaign.get': (_input, { app }) => getCampaign(app),
  'campaign.save': (input, { app }) => saveCampaign(app, input.config),
  'campaign.startNext': (_input, { app }) => startNextCampaign(app),
}
