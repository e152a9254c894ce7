import { Center, Loader, Table, Text } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useLoader } from '../../../components/useLoader'
import { formatTime } from './format'

/** 操作记录: what was done to this site, newest first. */
export function HistoryTab({ siteId }: { siteId: number }) {
  const load = useCallback(() => call('sites.history', { siteId }), [siteId])
  const history = useLoader(load)
  const entries = history.data?.entries ?? []

  if (history.error !== null) return <ErrorAlert title="无法读取操作记录" error={history.error} onRetry={() => void history.reload()} />
  if (history.loading && !history.data) {
    return (
      <Center py="lg">
        <Loader size="sm" aria-label="正在读取" />
      </Center>
    )
  }
  if (entries.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="lg">
        还没有操作记录
      </Text>
    )
  }
  return (
    <Table striped withTableBorder aria-label="现场操作记录">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>时间</Table.Th>
          <Table.Th w={100}>操作人</Table.Th>
          <Table.Th>内容</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{formatTime(e.at)}</Table.Td>
            <Table.Td>{e.actor}</Table.Td>
            <Table.Td>{e.summary}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
