import {
  createSite,
  getSite,
  listSiteRows,
  listSites,
  removeSites,
  restoreSites,
  resumeSites,
  setSiteStatus,
  siteHistory,
  updateSite,
} from '../../services/sites/sites'
import { listDeferredSites } from '../../services/sites/deferrals'
import { listSitesWithAttachments } from '../../services/attachments/siteList'
import type { HandlersFor } from '../handler'
import type { sitesOps } from './contract'

export const sitesHandlers: HandlersFor<typeof sitesOps> = {
  'sites.list': (input, { app }) => ({
    sites: input.withAttachments
      ? listSitesWithAttachments(app, { deleted: input.deleted })
      : listSites(app, { deleted: input.deleted }),
  }),
  'sites.rows': (input, { app }) => ({ sites: listSiteRows(app, { deleted: input.deleted }) }),
  'sites.history': (input, { app }) => ({ entries: siteHistory(app, input.siteId) }),
  'sites.get': (input, { app }) => getSite(app, input.id),
  'sites.create': (input, { app }) => createSite(app, input.site),
  'sites.update': (input, { app }) => updateSite(app, input.id, input.site),
  'sites.setStatus': (input, { app }) => ({ count: setSiteStatus(app, input.ids, input.status, { reason: input.reason }) }),
  'sites.resume': (input, { app }) => ({ count: resumeSites(app, input.ids) }),
  'sites.deferrals': (_input, { app }) => ({ sites: listDeferredSites(app) }),
  'sites.remove': (input, { app }) => ({ count: removeSites(app, input.ids) }),
  'sites.restore': (input, { app }) => ({ count: restoreSites(app, input.ids) }),
}
