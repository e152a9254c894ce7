import { Button, Group, Progress, Stack, Text } from '@mantine/core'
import { toMB } from './format'
import type { PhaseProgress } from './usePhasedJob'

const pct = (done: number, total: number) => (total > 0 ? Math.min(100, (done / total) * 100) : 0)

/** Files done/total and bytes in MB, each with its own bar, and 取消. */
export function PhasedProgress({ phases, cancelling, onCancel, filesLabel }: { phases: PhaseProgress; cancelling: boolean; onCancel(): void; filesLabel: string }) {
  const files = phases.files
  const bytes = phases.bytes
  return (
    <Group gap="sm" wrap="nowrap" align="flex-end" data-testid="bundle-progress">
      <Stack gap={6} style={{ flex: 1 }}>
        {!files && !bytes && (
          <>
            <Text size="xs" c="dimmed">
              正在准备…
            </Text>
            <Progress value={100} animated aria-label="任务进度" />
          </>
        )}
        {files && (
          <div>
            <Text size="xs" c="dimmed" mb={2} data-testid="progress-files">
              {filesLabel}：{files.done} / {files.total} 个文件
            </Text>
            <Progress value={pct(files.done, files.total)} aria-label="文件进度" />
          </div>
        )}
        {bytes && (
          <div>
            <Text size="xs" c="dimmed" mb={2} data-testid="progress-bytes">
              数据：{toMB(bytes.done)} / {toMB(bytes.total)} MB
            </Text>
            <Progress value={pct(bytes.done, bytes.total)} color="teal" aria-label="数据进度" />
          </div>
        )}
      </Stack>
      <Button size="xs" variant="default" onClick={onCancel} loading={cancelling}>
        取消
      </Button>
    </Group>
  )
}
