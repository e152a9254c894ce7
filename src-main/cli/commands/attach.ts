import path from 'node:path'
import { dispatch } from '../../api/dispatch'
import type { OpOutput, Site } from '../../api/contract'
import { kindChoices, parseAttachmentKind } from '../../core/attachments/fileTypes'
import { formatSize } from '../../core/files/size'
import { UsageError } from '../args'
import { CommandFailure, unwrap, type Command } from '../command'
import { requireData } from './requireData'
import { findSite } from './siteRef'

export const attachCommand: Command = {
  name: 'attach',
  summary: '为一个现场添加附件（推荐函、培训证书、照片等）',
  synopsis: 'attach SITE KIND FILE... [--json]',
  options: {},
  acceptsPositionals: true,
  notes: [
    'SITE 为现场编号（如 GD-2021-Y001）或完整的现场名称；FILE 可以有多个。',
    `KIND 为附件类别，可写英文代码或中文名称：${kindChoices()}。`,
    '所有文件先逐一检查（类型、大小、内容与扩展名是否相符），有一个不合格则一个也不添加，退出码为 2。',
    '例：starsite attach GD-2021-Y001 推荐函 推荐函.pdf',
  ],
  async run({ positionals, out, openApp, dataDir }) {
    if (positionals.length < 3)
      throw new UsageError('请依次给出现场、附件类别和至少一个文件：attach SITE KIND FILE...', 'attach')
    const [siteArg, kindArg, ...fileArgs] = positionals
    const kind = parseAttachmentKind(kindArg)
    if (!kind)
      throw new CommandFailure({ code: 'invalid-input', message: `无法识别的附件类别“${kindArg}”，可选：${kindChoices()}` })
    requireData(dataDir)
    const app = openApp()
    const { sites } = unwrap<{ sites: Site[] }>(await dispatch(app, 'sites.list', {}))
    const site = findSite(sites, siteArg)
    const files = fileArgs.map((f) => ({ path: path.resolve(f), name: path.basename(f) }))
    const { attachments } = unwrap<OpOutput<'attachments.add'>>(
      await dispatch(app, 'attachments.add', { siteId: site.id, kind, files }),
    )
    out.document({ site: { id: site.id, code: site.code, name: site.name }, attachments })
    for (const a of attachments) out.info(`已添加附件 ${a.originalName}（${a.kindLabel}，${formatSize(a.size)}）`)
    out.info(`现场 ${site.code} ${site.name} 共添加 ${attachments.length} 个附件。`)
    return 0
  },
}
