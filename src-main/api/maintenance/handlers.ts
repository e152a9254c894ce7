import { AppError } from '../../core/errors'
import { checkData } from '../../services/maintenance/checkData'
import type { HandlersFor } from '../handler'
import type { maintenanceOps } from './contract'

export const maintenanceHandlers: HandlersFor<typeof maintenanceOps> = {
  'maintenance.checkData': (_input, { app, job }) => {
    if (!job) throw new AppError('internal', '内部错误：任务缺少进度通道')
    return checkData(app, job)
  },
}
