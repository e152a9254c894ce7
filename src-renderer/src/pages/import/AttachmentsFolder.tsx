import { Alert, Button, List, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { OpOutput } from '@contract'
import { errorMessage, isDesktop } from '../../api'
import { JobProgressBar } from '../../components/JobProgressBar'
import { useJob } from '../../components/useJob'

type FolderResult = OpOutput<'attachments.importFolder'>

const SHOWN = 100

/** Optional: a folder with one sub-folder per site (named by 现场编号 or 现场名称), imported as attachments. */
export function AttachmentsFolder() {
  const job = useJob('attachments.importFolder', { cancelOnLeave: true })
  const [result, setResult] = useState<FolderResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const desktop = isDesktop()

  const choose = async () => {
    const folder = await window.starsite?.dialogs.openFolder({ title: '选择附件文件夹（每个现场一个子文件夹）' })
    if (!folder) return
    setError(null)
    setResult(null)
    try {
      setResult(await job.start({ path: folder }))
    } catch (e) {
      setError(e)
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        文件夹中每个现场一个子文件夹，以现场编号（如 GD-2021-Y001）或现场名称命名。附件类别按文件名判断：含“推荐函”为上级部门推荐函，
        含“宣讲师”为标准宣讲师推荐信，含“证书”为培训合格证书，含“自评”为自评报告，jpg/png 图片为现场照片，其余为其他。
        与现场已有附件内容相同的文件会自动跳过。
      </Text>
      {desktop ? (
        <div>
          <Button variant="light" disabled={job.running} onClick={() => void choose()}>
            选择附件文件夹…
          </Button>
        </div>
      ) : (
        <Alert color="gray" p="xs" data-testid="folder-unavailable">
          <Text size="sm">
            浏览器模式下无法选择文件夹。请使用桌面版，或用命令行：starsite import 汇总表.xlsx --attachments 附件文件夹
          </Text>
        </Alert>
      )}
      {job.running && <JobProgressBar progress={job.progress} onCancel={job.cancel} cancelling={job.cancelling} />}
      {error !== null && (
        <Alert color="red" title="附件导入未完成" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {result && (
        <Alert color={result.unmatchedFolders.length || result.skipped.length ? 'yellow' : 'green'} title="附件导入完成">
          <Text size="sm">
            匹配 {result.sites} 个现场，添加 {result.added} 个附件，跳过 {result.skipped.length} 个文件，
            {result.unmatchedFolders.length} 个文件夹未匹配到现场。
          </Text>
          {result.unmatchedFolders.length > 0 && (
            <List size="sm" mt="xs">
              {result.unmatchedFolders.slice(0, SHOWN).map((u) => (
                <List.Item key={u.path}>
                  文件夹“{u.path}”：{u.reason}
                </List.Item>
              ))}
            </List>
          )}
          {result.skipped.length > 0 && (
            <List size="sm" mt="xs">
              {result.skipped.slice(0, SHOWN).map((s) => (
                <List.Item key={s.path}>
                  {s.refused ? '未通过检查' : '跳过'}“{s.path}”：{s.reason}
                </List.Item>
              ))}
              {result.skipped.length > SHOWN && <List.Item>……另有 {result.skipped.length - SHOWN} 个</List.Item>}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  )
}
