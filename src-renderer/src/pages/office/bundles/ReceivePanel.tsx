import { Button, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { OpOutput } from '@contract'
import { ApiError, chooseFiles, isDesktop, toServerFiles, type ServerFile } from '../../../api'
import { notifyError } from '../../../app/notify'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { FileDropZone } from '../../../components/FileDropZone'
import { JobProgressBar } from '../../../components/JobProgressBar'
import { useJob } from '../../../components/useJob'
import { pickFolder, takeDrop, zipsOfPickedFolder, type DroppedSelection } from './droppedBundles'
import { ReceiveResults } from './ReceiveResults'

export type ReceiveOutput = OpOutput<'office.bundles.receive'>

/** 接收报送包: drop or choose bundles or a folder of them; each is verified, then stored or refused. */
export function ReceivePanel({ onReceived }: { onReceived(): void }) {
  const job = useJob('office.bundles.receive')
  const [preparing, setPreparing] = useState(false)
  const [result, setResult] = useState<ReceiveOutput | null>(null)
  const [error, setError] = useState<unknown>(null)
  const busy = preparing || job.running

  const receive = async (get: () => Promise<ServerFile[]>, ignored: string[] = []) => {
    setError(null)
    setResult(null)
    let files: ServerFile[] = []
    setPreparing(true)
    try {
      files = await get()
    } catch (e) {
      setError(e)
      return
    } finally {
      setPreparing(false)
    }
    if (ignored.length) notifyError(new ApiError({ code: 'invalid-input', message: `不是 .zip 报送包，未接收：${ignored.join('、')}` }), '已跳过')
    if (files.length === 0) {
      if (!ignored.length) setError(new ApiError({ code: 'invalid-input', message: '没有找到 .zip 报送包：请拖入报送包文件，或包含报送包的文件夹' }))
      return
    }
    try {
      setResult(await job.start({ paths: files.map((f) => f.path) }))
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'cancelled')) setError(e)
    } finally {
      onReceived()
    }
  }

  const dropped = (selection: DroppedSelection) => void receive(selection.read, selection.ignored)
  const chooseBundles = () => void receive(() => chooseFiles({ title: '选择报送包', filters: [{ name: '报送包', extensions: ['zip'] }], multiple: true }))
  const chooseFolder = async () => {
    if (isDesktop()) {
      const folder = await window.starsite!.dialogs.openFolder({ title: '选择存放报送包的文件夹' })
      if (folder) void receive(async () => [{ path: folder, name: folder.split(/[\\/]/).pop() ?? folder }])
      return
    }
    const files = await pickFolder()
    if (files.length === 0) return
    void receive(() => toServerFiles(zipsOfPickedFolder(files)))
  }

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        接收报送包
      </Title>
      <Stack gap="sm">
        <FileDropZone
          label="接收报送包"
          hint="可一次拖入多个报送包（.zip），或一个存放报送包的文件夹（接收其中的全部 .zip 文件）"
          prompt="将报送包或文件夹拖到此处"
          buttonText="选择报送包"
          testId="receive-dropzone"
          disabled={busy}
          onFiles={() => undefined}
          onDropTransfer={(t) => dropped(takeDrop(t))}
          onChoose={chooseBundles}
          extraButtons={
            <Button
              size="xs"
              variant="light"
              disabled={busy}
              onClick={(e) => {
                e.stopPropagation()
                void chooseFolder().catch((err: unknown) => notifyError(err, '文件夹未能读取'))
              }}
            >
              选择文件夹
            </Button>
          }
        />
        {preparing && (
          <Text size="sm" c="dimmed">
            正在读取文件…
          </Text>
        )}
        {job.running && (
          <div data-testid="receive-progress">
            <JobProgressBar progress={job.progress} cancelling={job.cancelling} onCancel={job.cancel} />
          </div>
        )}
        {error !== null && <ErrorAlert title="报送包未能接收" error={error} />}
        {result && <ReceiveResults result={result} />}
      </Stack>
    </Paper>
  )
}
