import { Button, Group, Table, Text } from '@mantine/core'
import type { Attachment } from './attachmentKind'
import { formatSize, formatTime } from './format'

interface AttachmentListProps {
  attachments: Attachment[]
  opening: number | null
  onOpen(a: Attachment): void
  onRemove(a: Attachment): void
}

export function AttachmentList({ attachments, opening, onOpen, onRemove }: AttachmentListProps) {
  if (attachments.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="md">
        还没有附件
      </Text>
    )
  }
  return (
    <Table withTableBorder striped aria-label="附件列表">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>类别</Table.Th>
          <Table.Th>文件名</Table.Th>
          <Table.Th w={80}>大小</Table.Th>
          <Table.Th w={150}>添加时间</Table.Th>
          <Table.Th w={120}>操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attachments.map((a) => (
          <Table.Tr key={a.id} data-testid="attachment-row">
            <Table.Td>{a.kindLabel}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{a.originalName}</Table.Td>
            <Table.Td>{formatSize(a.size)}</Table.Td>
            <Table.Td>{formatTime(a.addedAt)}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-sm" variant="light" loading={opening === a.id} onClick={() => onOpen(a)} aria-label={`打开 ${a.originalName}`}>
                  打开
                </Button>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => onRemove(a)} aria-label={`移除 ${a.originalName}`}>
                  移除
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
