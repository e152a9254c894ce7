import { Button, ScrollArea, Table, Text, Title } from '@mantine/core'
import type { OpOutput } from '@contract'
import { isDesktop, openOutput, revealOutput } from '../../api'
import { notifyError } from '../../app/notify'
import { ErrorAlert } from '../../components/ErrorAlert'
import { baseName, formatBytes, formatTime } from './format'

type BundleRecord = OpOutput<'bundle.history'>['bundles'][number]

/** 报送记录: every bundle built, newest first, with its hash and key. */
export function BundleHistory({ bundles, loading, error, onRetry }: { bundles: BundleRecord[]; loading: boolean; error: unknown; onRetry(): void }) {
  const desktop = isDesktop()
  const get = async (b: BundleRecord) => {
    try {
      if (desktop) await revealOutput(b.path)
      else await openOutput(b.path, baseName(b.path))
    } catch (e) {
      notifyError(e, '无法获取该报送包（可能已被移动或删除）')
    }
  }
  return (
    <div>
      <Title order={4} mb="xs">
        报送记录
      </Title>
      {error !== null && <ErrorAlert title="无法读取报送记录" error={error} onRetry={onRetry} />}
      <ScrollArea.Autosize mah={360}>
        <Table striped stickyHeader aria-label="报送记录">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>生成时间</Table.Th>
              <Table.Th>文件</Table.Th>
              <Table.Th>现场</Table.Th>
              <Table.Th>大小</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>操作人</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bundles.map((b) => (
              <Table.Tr key={b.id} data-testid="bundle-history-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(b.createdAt)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{baseName(b.path)}</Table.Td>
                <Table.Td>{b.sites}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(b.size)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={b.sha256}>
                    {b.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td>{b.createdBy}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => void get(b)}>
                    {desktop ? '在文件夹中显示' : '下载'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {bundles.length === 0 && (
          <Text c="dimmed" ta="center" py="lg" size="sm">
            {loading ? '正在读取…' : '还没有生成过报送包。'}
          </Text>
        )}
      </ScrollArea.Autosize>
    </div>
  )
}
