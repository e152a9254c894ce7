import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { SITE_STATUSES, SITE_STATUS_LABELS, type Site } from '@contract'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { ConfirmModal } from '../../components/ConfirmModal'

const STATUS_OPTIONS = SITE_STATUSES.map((s) => ({ value: s, label: SITE_STATUS_LABELS[s] }))

interface BulkBarProps {
  /** Ids of the checked sites that are in the list. */
  ids: number[]
  onClear(): void
  onStatus(ids: number[], status: Site['status']): void
  onRemoved(ids: number[]): void
}

/** What can be done to every checked site at once: change the status, or move them to 回收站. */
export function BulkBar({ ids, onClear, onStatus, onRemoved }: BulkBarProps) {
  const [status, setStatus] = useState<Site['status'] | null>(null)
  // 暂缓报送 needs a reason (recorded per site in the audit log).
  const [reason, setReason] = useState('')
  const needsReason = status === 'deferred'
  const [busy, setBusy] = useState<'status' | 'remove' | null>(null)
  const [confirming, setConfirming] = useState(false)

  const applyStatus = async () => {
    if (!status) return
    setBusy('status')
    try {
      const { count } = await call('sites.setStatus', { ids, status, ...(needsReason ? { reason: reason.trim() } : {}) })
      onStatus(ids, status)
      notifySuccess(`已将 ${count} 个现场的状态改为“${SITE_STATUS_LABELS[status]}”`)
      setStatus(null)
      setReason('')
    } catch (e) {
      notifyError(e, '状态未修改')
    } finally {
      setBusy(null)
    }
  }

  const remove = async () => {
    setBusy('remove')
    try {
      const { count } = await call('sites.remove', { ids })
      setConfirming(false)
      onRemoved(ids)
      notifySuccess(`${count} 个现场已移入回收站`, '已删除')
    } catch (e) {
      notifyError(e, '现场未删除')
    } finally {
      setBusy(null)
    }
  }

  return (
    <Paper withBorder px="sm" py={6} bg="var(--mantine-color-blue-light)" role="region" aria-label="批量操作">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600}>
            已选择 {ids.length} 个现场
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={onClear}>
            取消选择
          </Button>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Select
            size="xs"
            aria-label="新状态"
            placeholder="选择新状态"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(v) => setStatus(v as Site['status'] | null)}
            w={150}
          />
          {needsReason && (
            <TextInput size="xs" aria-label="暂缓原因" placeholder="暂缓原因（必填）" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={180} />
          )}
          <Button size="xs" disabled={!status || (needsReason && !reason.trim())} loading={busy === 'status'} onClick={() => void applyStatus()}>
            修改状态
          </Button>
          <Button size="xs" color="red" variant="light" disabled={busy !== null} onClick={() => setConfirming(true)}>
            删除
          </Button>
        </Group>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="删除现场"
        confirmLabel="确认删除"
        busy={busy === 'remove'}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <Text size="sm">确定删除选中的 {ids.length} 个现场吗？</Text>
        <Text size="sm" c="dimmed" mt={4}>
          删除后现场将移入回收站，可随时在回收站中恢复。
        </Text>
      </ConfirmModal>
    </Paper>
  )
}
