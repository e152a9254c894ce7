import { Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { chooseFiles, toServerFiles, type ServerFile } from '../../api'
import { notifyError } from '../../app/notify'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FileDropZone } from '../../components/FileDropZone'
import { PhasedProgress } from './PhasedProgress'
import type { VerifyOutput } from './problems'
import { usePhasedJob } from './usePhasedJob'
import { VerifyResult } from './VerifyResult'

/** 校验报送包: drop or choose a zip; every file's hash and the signature are checked again. */
export function VerifyPanel() {
  const job = usePhasedJob('bundle.verify')
  const [checked, setChecked] = useState<{ name: string; result: VerifyOutput } | null>(null)
  const [preparing, setPreparing] = useState(false)

  const verify = async (file: ServerFile | undefined) => {
    if (!file) return
    setChecked(null)
    const result = await job.start({ path: file.path })
    if (result) setChecked({ name: file.name, result })
  }

  const pick = async (get: () => Promise<ServerFile[]>) => {
    setPreparing(true)
    let files: ServerFile[] = []
    try {
      files = await get()
    } catch (e) {
      notifyError(e, '文件未能读取')
    } finally {
      setPreparing(false)
    }
    await verify(files[0])
  }

  const dropped = (files: File[]) => {
    const zip = files.find((f) => /\.zip$/i.test(f.name))
    if (!zip) {
      notifyError(new Error('请拖入 .zip 格式的报送包'), '不是报送包')
      return
    }
    void pick(() => toServerFiles([zip]))
  }

  const busy = job.running || preparing
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Title order={4}>校验报送包</Title>
          <Text size="sm" c="dimmed">
            重新计算报送包中每个文件的 SHA-256 并核对签名，找出缺少、多出或被改动的文件。校验不会修改报送包。
          </Text>
        </div>
        <FileDropZone
          label="校验报送包"
          hint="仅限 .zip 格式的报送包"
          testId="verify-dropzone"
          disabled={busy}
          onFiles={dropped}
          onChoose={() => void pick(() => chooseFiles({ title: '选择报送包', filters: [{ name: '报送包', extensions: ['zip'] }] }))}
        />
        {preparing && (
          <Text size="sm" c="dimmed">
            正在读取文件…
          </Text>
        )}
        {job.running && <PhasedProgress phases={job.phases} filesLabel="校验" cancelling={job.cancelling} onCancel={() => void job.cancel()} />}
        {job.error !== null && <ErrorAlert title="无法校验" error={job.error} />}
        {checked && <VerifyResult name={checked.name} result={checked.result} />}
      </Stack>
    </Paper>
  )
}
