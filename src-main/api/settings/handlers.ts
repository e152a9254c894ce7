import pkg from '../../../package.json'
import { PROVINCES } from '../../core/association/provinces'
import type { AppContext } from '../../services/context'
import { getSettings, saveAssociation } from '../../services/settings/association'
import type { HandlersFor } from '../handler'
import type { settingsOps } from './contract'

const view = (app: AppContext) => ({ ...getSettings(app), version: pkg.version, provinces: [...PROVINCES] })

export const settingsHandlers: HandlersFor<typeof settingsOps> = {
  'settings.get': (_input, { app }) => view(app),
  'settings.saveAssociation': (input, { app }) => {
    saveAssociation(app, input.association, input.year)
    return view(app)
  },
}
