import { AppError } from '../../core/errors'
import { buildBundle } from '../../services/bundle/build'
import { listBundles } from '../../services/bundle/history'
import { verifyBundle } from '../../services/bundle/verify'
import { loadSigningKey } from '../../services/keys/keys'
import type { HandlersFor } from '../handler'
import type { bundleOps } from './contract'

const noJob = () => new AppError('internal', '内部错误：任务缺少进度通道')

export const bundleHandlers: HandlersFor<typeof bundleOps> = {
  'bundle.build': (input, { app, job }) => {
    if (!job) throw noJob()
    return buildBundle(app, job, { outPath: input.outPath, siteIds: input.siteIds, deferUnready: input.deferUnready })
  },
  'bundle.verify': (input, { app, job }) => {
    if (!job) throw noJob()
    // Only an existing key is compared with: verifying must never create one (nor write anything).
    return verifyBundle(input.path, job, { ownFingerprint: loadSigningKey(app.dataDir)?.fingerprint ?? null })
  },
  'bundle.history': (input, { app }) => ({ bundles: listBundles(app, input.limit) }),
}
