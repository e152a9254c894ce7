import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { OpOutput } from '@contract'
import { call, openOutput } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { JobProgressBar } from '../../components/JobProgressBar'
import { useNotifiedJob } from '../../components/useJob'

const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p

/** 导出结果 (xlsx) and 生成通知函 (one docx per 推荐单位), each opened (desktop) or downloaded (browser). */
export function OutputButtons({ disabled }: { disabled: boolean }) {
  const [exporting, setExporting] = useState(false)
  const notify = useNotifiedJob('results.notify', '通知函未生成')
  const [letters, setLetters] = useState<OpOutput<'results.notify'> | null>(null)

  const exportResults = async () => {
    setExporting(true)
    try {
      const out = await call('results.export', {})
      await openOutput(out.path, fileName(out.path))
      notifySuccess(`已导出 ${out.sites} 个现场的评定结果`, '导出完成')
    } catch (e) {
      notifyError(e, '导出未完成')
    } finally {
      setExporting(false)
    }
  }

  const generate = async () => {
    const out = await notify.start({})
    if (!out) return
    setLetters(out)
    notifySuccess(`已生成 ${out.files.length} 份通知函`, '通知函已生成')
  }

  return (
    <>
      <Group gap="xs">
        <Button variant="default" onClick={() => void exportResults()} loading={exporting} disabled={disabled}>
          导出结果
        </Button>
        <Button variant="default" onClick={() => void generate()} loading={notify.running} disabled={disabled}>
          生成通知函
        </Button>
      </Group>
      {notify.running && <JobProgressBar progress={notify.progress} onCancel={notify.cancel} cancelling={notify.cancelling} />}
      <Modal opened={letters !== null} onClose={() => setLetters(null)} title="评定结果通知函" size="lg">
        <Stack gap="xs">
          <Text size="sm">按推荐单位各生成一份，点击文件名打开或下载：</Text>
          {letters?.files.map((f) => (
            <Group key={f.path} justify="space-between" wrap="nowrap">
              <Anchor component="button" type="button" onClick={() => void openOutput(f.path, fileName(f.path)).catch((e: unknown) => notifyError(e, '无法打开'))}>
                {fileName(f.path)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {f.docNo} · {f.sites} 个现场
              </Text>
            </Group>
          ))}
        </Stack>
      </Modal>
    </>
  )
}
