import { addAttachments, attachmentFile, listAttachments, removeAttachment } from '../../services/attachments/attachments'
import { exportAttachmentCopy } from '../../services/attachments/exportCopy'
import { importAttachmentsFolder } from '../../services/attachments/folderImport'
import { AppError } from '../../core/errors'
import type { HandlersFor } from '../handler'
import type { attachmentsOps } from './contract'

export const attachmentsHandlers: HandlersFor<typeof attachmentsOps> = {
  'attachments.list': (input, { app }) => ({ attachments: listAttachments(app, input.siteId) }),
  'attachments.add': async (input, { app, job }) => ({
    attachments: await addAttachments(app, input.siteId, input.kind, input.files, job),
  }),
  'attachments.remove': (input, { app }) => removeAttachment(app, input.id),
  'attachments.file': (input, { app }) => attachmentFile(app, input.id),
  'attachments.exportCopy': (input, { app }) => exportAttachmentCopy(app, input.id),
  'attachments.importFolder': (input, { app, job }) => {
    if (!job) throw new AppError('internal', '内部错误：任务缺少进度通道')
    return importAttachmentsFolder(app, input.path, job)
  },
}
