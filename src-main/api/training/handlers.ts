import {
  certificatesForSite,
  listTrainingRecords,
  removeTrainingRecords,
  saveTrainingRecord,
} from '../../services/training/training'
import type { HandlersFor } from '../handler'
import type { trainingOps } from './contract'

export const trainingHandlers: HandlersFor<typeof trainingOps> = {
  'training.list': (input, { app }) => ({ records: listTrainingRecords(app, { text: input.text }) }),
  'training.save': (input, { app }) => saveTrainingRecord(app, input.record),
  'training.remove': (input, { app }) => ({ count: removeTrainingRecords(app, input.ids) }),
  'training.forSite': (input, { app }) => certificatesForSite(app, input.siteId),
}
