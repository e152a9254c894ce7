import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import type { OpOutput } from '@contract'
import { call, chooseFiles } from '../../../api'
import { notifyError, notifySuccess } from '../../../app/notify'
import { ConfirmModal } from '../../../components/ConfirmModal'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { JobProgressBar } from '../../../components/JobProgressBar'
import { useNotifiedJob } from '../../../components/useJob'
import { useLoader } from '../../../components/useLoader'
import { formatBytes, formatTime } from '../../bundle/format'
import { RESTART_INSTRUCTION, reasonLabel } from './backupLabels'

type Backup = OpOutput<'backup.list'>['backups'][number]

/**
 * 数据备份: back up now, list the backups, and choose one (or a file) to restore. The running program holds
 * the database open, so a restore is only scheduled here and carried out at the next start.
 */
export function BackupSection() {
  const load = useCallback(() => call('backup.list', {}), [])
  const { data, error, reload } = useLoader(load)
  const backupJob = useNotifiedJob('backup.create', '备份未完成')
  const [confirming, setConfirming] = useState<Backup | null>(null)
  const [busy, setBusy] = useState(false)

  const backupNow = async () => {
    const result = await backupJob.start({ reason: 'manual' })
    if (result) notifySuccess(`已备份（${formatBytes(result.size)}）`, '备份完成')
    await reload()
  }

  const schedule = async (path: string, name?: string) => {
    setBusy(true)
    try {
      const result = await call('backup.scheduleRestore', { path, name })
      notifySuccess(result.message, '已计划恢复')
      setConfirming(null)
      await reload()
    } catch (e) {
      notifyError(e, '未计划恢复')
    } finally {
      setBusy(false)
    }
  }

  const fromFile = async () => {
    try {
      const [file] = await chooseFiles({ title: '选择备份文件', filters: [{ name: '数据库备份', extensions: ['db'] }] })
      if (file) await schedule(file.path, file.name)
    } catch (e) {
      notifyError(e, '未计划恢复')
    }
  }

  const cancelRestore = async () => {
    setBusy(true)
    try {
      await call('backup.cancelRestore', {})
      notifySuccess('已取消计划的恢复，当前数据保持不变')
      await reload()
    } catch (e) {
      notifyError(e, '无法取消恢复')
    } finally {
      setBusy(false)
    }
  }

  const pending = data?.pendingRestore ?? null

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        数据备份
      </Title>
      <Stack gap="sm">
        {pending && (
          <Alert color="orange" title={`已计划恢复：${pending.source}`} role="status">
            <Text size="sm">{RESTART_INSTRUCTION}。恢复前会自动备份当前数据。</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {formatTime(pending.scheduledAt)}
              {pending.actor ? ` 由 ${pending.actor} 计划` : ''}
            </Text>
            <Button size="xs" variant="default" mt="xs" loading={busy} onClick={() => void cancelRestore()}>
              取消恢复
            </Button>
          </Alert>
        )}
        {backupJob.running ? (
          <JobProgressBar progress={backupJob.progress} cancelling={backupJob.cancelling} onCancel={backupJob.cancel} />
        ) : (
          <Group gap="xs">
            <Button size="xs" onClick={() => void backupNow()}>
              立即备份
            </Button>
            <Button size="xs" variant="default" disabled={busy} onClick={() => void fromFile()}>
              从文件恢复…
            </Button>
          </Group>
        )}
        {error ? <ErrorAlert title="无法读取备份列表" error={error} onRetry={() => void reload()} /> : null}
        {data && data.backups.length === 0 && (
          <Text size="sm" c="dimmed">
            还没有备份。程序每天首次启动时会自动备份一次。
          </Text>
        )}
        {data && data.backups.length > 0 && (
          <Table striped withTableBorder fz="sm" aria-label="备份列表">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>时间</Table.Th>
                <Table.Th>类型</Table.Th>
                <Table.Th>大小</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.backups.map((b) => (
                <Table.Tr key={b.name}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} title={b.name}>
                    {formatTime(b.createdAt)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={b.reason === 'before-restore' ? 'grape' : 'gray'}>
                      {reasonLabel(b.reason)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(b.size)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Button size="compact-xs" variant="subtle" disabled={busy} onClick={() => setConfirming(b)}>
                      恢复到此备份
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {data && (
          <Text size="xs" c="dimmed">
            备份保存在 <Code>{data.dir}</Code>；“恢复前”的备份不会被自动清理。
          </Text>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming !== null}
        title="恢复到此备份"
        confirmLabel="计划恢复"
        color="orange"
        busy={busy}
        onConfirm={() => confirming && void schedule(confirming.path)}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <Stack gap="xs">
            <Text size="sm">
              将把数据恢复到 {formatTime(confirming.createdAt)} 的备份（{reasonLabel(confirming.reason)}）。此后录入或修改的内容将不在恢复后的数据中。
            </Text>
            <Text size="sm">当前数据会先自动备份（类型“恢复前”，不会被自动清理），需要时可以再恢复回来。</Text>
            <Text size="sm">恢复在下次启动程序时进行：确认后，{RESTART_INSTRUCTION}。</Text>
          </Stack>
        )}
      </ConfirmModal>
    </Paper>
  )
}
