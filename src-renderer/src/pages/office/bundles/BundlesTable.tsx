import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core'
import { OFFICE_BUNDLE_STATUS_LABELS, type OpOutput } from '@contract'
import { formatBytes, formatTime } from '../common/format'
import { ReceiptButton } from './ReceiptButton'

export type ReceivedBundle = OpOutput<'office.bundles.list'>['bundles'][number]

const STATUS_COLORS = { ingested: 'teal', 'pending-confirmation': 'orange', superseded: 'gray' } as const

/** The fingerprint in one short line: groups of 8, the full value on hover. */
function ShortFingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <Code data-testid={testId} title={value} style={{ whiteSpace: 'normal', wordBreak: 'break-all' }}>
      {value}
    </Code>
  )
}

interface BundlesTableProps {
  bundles: ReceivedBundle[]
  onConfirm(bundle: ReceivedBundle): void
  onDiff(bundle: ReceivedBundle): void
}

/** 收到的报送包: newest first; 待确认 rows compare the signing key with the registered one. */
export function BundlesTable({ bundles, onConfirm, onDiff }: BundlesTableProps) {
  if (bundles.length === 0)
    return (
      <Text c="dimmed" ta="center" py="md">
        还没有收到报送包
      </Text>
    )
  const byId = new Map(bundles.map((b) => [b.id, b]))
  return (
    <Table withTableBorder striped verticalSpacing="xs" aria-label="收到的报送包" style={{ tableLayout: 'fixed' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>省份</Table.Th>
          <Table.Th>文件</Table.Th>
          <Table.Th w={160}>收到时间</Table.Th>
          <Table.Th w={70}>现场</Table.Th>
          <Table.Th w={70}>文件数</Table.Th>
          <Table.Th w={300}>签名密钥指纹</Table.Th>
          <Table.Th w={100}>状态</Table.Th>
          <Table.Th w={170}>操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bundles.map((b) => {
          const pending = b.status === 'pending-confirmation'
          const successor = b.supersededBy ? byId.get(b.supersededBy) : undefined
          return (
            <Table.Tr key={b.id} data-testid="office-bundle-row" data-status={b.status} data-province={b.province}>
              <Table.Td>{b.province}</Table.Td>
              <Table.Td>
                <Text size="sm" truncate="end" title={b.originalName}>
                  {b.originalName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(b.size)}，生成于 {formatTime(b.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>{formatTime(b.receivedAt)}</Table.Td>
              <Table.Td>{b.sites}</Table.Td>
              <Table.Td>{b.files}</Table.Td>
              <Table.Td>
                {pending ? (
                  <Stack gap={4}>
                    <Text size="xs" c="dimmed">
                      报送包的签名密钥：
                    </Text>
                    <ShortFingerprint value={b.fingerprint} testId="pending-fingerprint" />
                    <Text size="xs" c="dimmed">
                      已登记的{b.province}公钥：
                    </Text>
                    {b.registeredFingerprint ? <ShortFingerprint value={b.registeredFingerprint} /> : <Text size="xs">尚未登记</Text>}
                  </Stack>
                ) : (
                  <ShortFingerprint value={b.fingerprint} />
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[b.status]} variant="light" radius="sm">
                  {OFFICE_BUNDLE_STATUS_LABELS[b.status]}
                </Badge>
                {successor && (
                  <Text size="xs" c="dimmed" mt={2}>
                    被 {formatTime(successor.receivedAt)} 收到的报送包替代
                  </Text>
                )}
                {b.diff && (
                  <Text size="xs" c="dimmed" mt={2}>
                    新增 {b.diff.added}、撤回 {b.diff.withdrawn}、改动 {b.diff.changed}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {pending && (
                    <Button size="xs" color="orange" variant="light" onClick={() => onConfirm(b)}>
                      核对指纹并确认
                    </Button>
                  )}
                  {b.diff && (
                    <Button size="xs" variant="default" onClick={() => onDiff(b)}>
                      查看变化
                    </Button>
                  )}
                  {!pending && <ReceiptButton bundleId={b.id} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
