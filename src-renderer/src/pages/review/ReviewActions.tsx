import { Button, Checkbox, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { openOutput } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { JobProgressBar } from '../../components/JobProgressBar'
import { useNotifiedJob } from '../../components/useJob'
import { formatTime } from './findingView'

interface ReviewActionsProps {
  lastRunAt: string | null
  disabled: boolean
  onFinished(): void
}

/** 运行审核 (optionally re-hashing every file) and 导出审核报告, both as jobs with progress and cancel. */
export function ReviewActions({ lastRunAt, disabled, onFinished }: ReviewActionsProps) {
  const [deep, setDeep] = useState(false)
  const checks = useNotifiedJob('checks.run', '审核未完成')
  const report = useNotifiedJob('checks.exportReport', '审核报告未导出')

  const run = async () => {
    const result = await checks.start(deep ? { deep: true } : {})
    if (!result) return
    notifySuccess(`已审核 ${result.sites} 个现场：错误 ${result.errors} 条，警告 ${result.warnings} 条`, '审核完成')
    onFinished()
  }

  const exportReport = async () => {
    const result = await report.start({})
    if (!result) return
    try {
      await openOutput(result.path)
      notifySuccess('审核报告已导出', '导出完成')
    } catch (e) {
      notifyError(e, '无法打开审核报告')
    }
  }

  const busy = checks.running || report.running
  return (
    <div>
      <Group justify="space-between" align="center">
        <Group gap="md">
          <Button onClick={() => void run()} disabled={disabled || busy} loading={checks.running}>
            运行审核
          </Button>
          <Checkbox
            label="深度检查（重新计算文件哈希）"
            checked={deep}
            disabled={busy}
            onChange={(e) => setDeep(e.currentTarget.checked)}
          />
        </Group>
        <Group gap="md">
          <Text size="sm" c="dimmed" data-testid="last-run">
            上次审核：{formatTime(lastRunAt)}
          </Text>
          <Button variant="default" onClick={() => void exportReport()} disabled={disabled || busy} loading={report.running}>
            导出审核报告
          </Button>
        </Group>
      </Group>
      {checks.running && (
        <div style={{ marginTop: 8 }}>
          <JobProgressBar progress={checks.progress} cancelling={checks.cancelling} onCancel={checks.cancel} />
        </div>
      )}
      {report.running && (
        <div style={{ marginTop: 8 }}>
          <JobProgressBar progress={report.progress} cancelling={report.cancelling} onCancel={report.cancel} />
        </div>
      )}
    </div>
  )
}
