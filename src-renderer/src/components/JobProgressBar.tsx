import { Button, Group, Progress, Text } from '@mantine/core'
import type { JobProgress } from '../api'

/** A running job: what it is doing, how far, and a way to stop it. */
export function JobProgressBar({ progress, onCancel, cancelling }: { progress: JobProgress | null; onCancel(): void; cancelling: boolean }) {
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0
  return (
    <Group gap="sm" wrap="nowrap">
      <div style={{ flex: 1 }}>
        <Text size="xs" c="dimmed" mb={4}>
          {progress ? `${progress.phase}${progress.total > 0 ? `（${progress.done}/${progress.total}）` : ''}` : '正在开始…'}
        </Text>
        <Progress value={percent} animated={!progress || progress.total === 0} aria-label="任务进度" />
      </div>
      <Button size="xs" variant="default" onClick={onCancel} loading={cancelling}>
        取消
      </Button>
    </Group>
  )
}
