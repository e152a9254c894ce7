import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { ApiError, chooseFiles, errorMessage, toServerFiles, type ServerFile } from '../../api'
import { JobProgressBar } from '../../components/JobProgressBar'
import { AttachmentsFolder } from './AttachmentsFolder'
import { CommitPanel, type CommitResult } from './CommitPanel'
import { FileDropZone } from '../../components/FileDropZone'
import { PreviewPanel } from './PreviewPanel'
import type { RosterPreview } from './problems'
import { TemplateButton } from './TemplateButton'
import { useJob } from '../../components/useJob'

function Step({ n, title, children, testId }: { n: number; title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={4} mb="sm">
        第{['一', '二', '三', '四'][n - 1]}步　{title}
      </Title>
      {children}
    </Paper>
  )
}

/** 导入: the roster (推荐汇总表) from Excel — template, preview with every bad cell marked, commit. */
export function ImportPage() {
  const [file, setFile] = useState<ServerFile | null>(null)
  const [preview, setPreview] = useState<RosterPreview | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<CommitResult | null>(null)
  const previewJob = useJob('roster.preview', { cancelOnLeave: true })

  const read = async (chosen: ServerFile) => {
    setFile(chosen)
    setPreview(null)
    setResult(null)
    setError(null)
    try {
      setPreview(await previewJob.start({ path: chosen.path }))
    } catch (e) {
      setError(e)
    }
  }

  const pick = async (files: ServerFile[]) => {
    if (files[0]) await read(files[0])
  }

  const onDrop = async (files: File[]) => {
    if (files.length > 1) {
      setError(new ApiError({ code: 'invalid-input', message: `一次只能导入一个汇总表，您拖入了 ${files.length} 个文件，请只拖入一个` }))
      return
    }
    try {
      await pick(await toServerFiles(files))
    } catch (e) {
      setError(e)
    }
  }

  const choose = async () => {
    try {
      await pick(await chooseFiles({ title: '选择推荐汇总表', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }))
    } catch (e) {
      setError(e)
    }
  }

  return (
    <Stack gap="md" pb="xl">
      <Title order={2}>导入</Title>
      <Step n={1} title="准备汇总表" testId="import-step-file">
        <Stack gap="sm">
          <Group gap="sm">
            <TemplateButton />
            <Text size="sm" c="dimmed">
              按模板的列填写（列的顺序可以不同，多余的列会被忽略），带 * 的列必填。
            </Text>
          </Group>
          <FileDropZone
            label="选择推荐汇总表"
            testId="roster-dropzone"
            prompt="将汇总表拖到此处，或点击选择文件"
            overText="松开鼠标即可读取"
            hint="只接受 Excel 工作簿（.xlsx）；如是 .xls，请先在 Excel 中另存为 .xlsx"
            buttonText="选择汇总表文件"
            disabled={previewJob.running}
            onFiles={(files) => void onDrop(files)}
            onChoose={() => void choose()}
          />
          {file && (
            <Text size="sm" data-testid="chosen-file">
              已选择：{file.name}
            </Text>
          )}
        </Stack>
      </Step>

      {(file || error !== null) && (
        <Step n={2} title="检查预览" testId="import-step-preview">
          {previewJob.running && <JobProgressBar progress={previewJob.progress} onCancel={previewJob.cancel} cancelling={previewJob.cancelling} />}
          {error !== null && (
            <Alert color="red" title="无法读取汇总表" role="alert">
              <Stack gap="xs">
                <Text size="sm">{errorMessage(error)}</Text>
                {file && (
                  <Group>
                    <Button size="xs" variant="white" color="red" onClick={() => void read(file)}>
                      重新读取
                    </Button>
                  </Group>
                )}
              </Stack>
            </Alert>
          )}
          {preview && <PreviewPanel key={preview.fileSha256} preview={preview} />}
        </Step>
      )}

      {preview && file && (
        <Step n={3} title="导入" testId="import-step-commit">
          <CommitPanel path={file.path} preview={preview} result={result} onCommitted={setResult} />
        </Step>
      )}

      <Step n={4} title="导入附件文件夹（可选）" testId="import-step-attachments">
        <AttachmentsFolder />
      </Step>
    </Stack>
  )
}
