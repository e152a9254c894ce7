import { Button, List, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { SITE_STATUS_LABELS, type OpOutput } from '@contract'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatTime } from './format'

type DeferredSite = OpOutput<'sites.deferrals'>['sites'][number]

/** 暂缓报送的现场: each with why, when and its open errors, and 恢复报送 — one click back to its earlier status. */
export function DeferredPanel({ sites, error, onRetry, onChanged }: { sites: DeferredSite[]; error: unknown; onRetry(): void; onChanged(): void }) {
  const [busy, setBusy] = useState<number | null>(null)
  const resume = async (site: DeferredSite) => {
    setBusy(site.siteId)
    try {
      await call('sites.resume', { ids: [site.siteId] })
      notifySuccess(`${site.code} ${site.name} 已恢复为“${SITE_STATUS_LABELS[site.previousStatus]}”`, '已恢复报送')
      onChanged()
    } catch (e) {
      notifyError(e, '未能恢复报送')
    } finally {
      setBusy(null)
    }
  }
  if (error === null && !sites.length) return null
  return (
    <Paper withBorder p="md" radius="md" data-testid="deferred-panel">
      <Stack gap="xs">
        <div>
          <Title order={4}>暂缓报送的现场</Title>
          <Text size="sm" c="dimmed">
            这些现场不进入报送包，审核问题保留；问题解决后点“恢复报送”，现场回到暂缓前的状态。
          </Text>
        </div>
        {error !== null && <ErrorAlert title="无法读取暂缓报送的现场" error={error} onRetry={onRetry} />}
        <Table aria-label="暂缓报送的现场">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>现场</Table.Th>
              <Table.Th>原因</Table.Th>
              <Table.Th>未解决的错误</Table.Th>
              <Table.Th>暂缓时间</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.map((s) => (
              <Table.Tr key={s.siteId} data-testid="deferred-site">
                <Table.Td>
                  {s.code} {s.name}
                </Table.Td>
                <Table.Td>{s.reason}</Table.Td>
                <Table.Td>
                  {s.errors.length ? (
                    <List size="sm">
                      {s.errors.map((e, i) => (
                        <List.Item key={i}>{e.message}</List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="green.8">
                      已全部解决
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatTime(s.deferredAt)} {s.deferredBy}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" loading={busy === s.siteId} onClick={() => void resume(s)}>
                    恢复报送
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
