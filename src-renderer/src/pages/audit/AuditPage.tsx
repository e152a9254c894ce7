import { Badge, Button, Center, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ACTION_LABELS, ACTION_OPTIONS, ENTITY_OPTIONS, options } from './auditVocabulary'
import { useAuditLog } from './useAuditLog'

const formatTime = (iso: string) => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false })
}

interface AuditPageProps {
  /** The national office's log and vocabulary; the province's by default. */
  office?: { actions: Record<string, string>; entities: Record<string, string> }
}

/** 操作日志: who did what, when, to which record. */
export function AuditPage({ office }: AuditPageProps = {}) {
  const [text, setText] = useState('')
  const [action, setAction] = useState<string | null>(null)
  const [entity, setEntity] = useState<string | null>(null)
  const [debounced] = useDebouncedValue(text, 300)
  const log = useAuditLog({ text: debounced, action, entity, op: office ? 'office.audit.list' : 'audit.list' })
  const actionLabels = office?.actions ?? ACTION_LABELS
  const actionOptions = office ? options(office.actions) : ACTION_OPTIONS
  const entityOptions = office ? options(office.entities) : ENTITY_OPTIONS
  const filtered = debounced.trim() !== '' || action !== null || entity !== null

  return (
    <Stack gap="sm" maw={1200}>
      <Title order={2}>操作日志</Title>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="筛选"
            placeholder="输入关键字，如现场名称、操作人"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={300}
          />
          <Select label="操作" placeholder="全部操作" data={actionOptions} value={action} onChange={setAction} clearable w={150} />
          <Select label="对象" placeholder="全部对象" data={entityOptions} value={entity} onChange={setEntity} clearable w={150} />
        </Group>
        <Button variant="default" onClick={() => void log.reload()}>
          刷新
        </Button>
      </Group>
      {log.error !== null && <ErrorAlert title="无法读取操作日志" error={log.error} onRetry={() => void log.reload()} />}
      <Table striped highlightOnHover withTableBorder aria-label="操作日志">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>时间</Table.Th>
            <Table.Th w={120}>操作人</Table.Th>
            <Table.Th w={100}>操作</Table.Th>
            <Table.Th>内容</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log.entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatTime(entry.at)}</Table.Td>
              <Table.Td>{entry.actor}</Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" radius="sm">
                  {actionLabels[entry.action] ?? entry.action}
                </Badge>
              </Table.Td>
              <Table.Td>{entry.summary}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {log.loading && (
        <Center>
          <Loader size="sm" aria-label="正在读取" />
        </Center>
      )}
      {!log.loading && log.entries.length === 0 && log.error === null && (
        <Text c="dimmed" ta="center" py="md">
          {filtered ? '没有符合条件的记录' : '还没有操作记录'}
        </Text>
      )}
      {!log.loading && log.hasMore && (
        <Center>
          <Button variant="light" onClick={log.loadMore}>
            加载更多
          </Button>
        </Center>
      )}
    </Stack>
  )
}
