import { Badge, ScrollArea, Table, Text } from '@mantine/core'
import { MATCH_METHOD_LABELS, RESULT_STATUS_LABELS } from '@contract'
import type { ResultRow } from './useResults'

const COLORS = { matched: 'blue', review: 'yellow', unmatched: 'gray', confirmed: 'green' } as const

/** Every imported row with what it was matched to. */
export function ResultsTable({ rows }: { rows: ResultRow[] }) {
  if (!rows.length) return <Text c="dimmed">还没有导入评定结果。请点击“导入结果文件”，选择推进办公室公布的结果表（.xlsx）。</Text>
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover stickyHeader verticalSpacing={6} miw={960}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>行</Table.Th>
            <Table.Th>现场名称（结果表）</Table.Th>
            <Table.Th>推荐单位 / 所属企业</Table.Th>
            <Table.Th>评定结果</Table.Th>
            <Table.Th>证书编号</Table.Th>
            <Table.Th>批次</Table.Th>
            <Table.Th>匹配状态</Table.Th>
            <Table.Th>对应现场</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="result-row">
              <Table.Td>{r.sourceRow}</Table.Td>
              <Table.Td>{r.source.name}</Table.Td>
              <Table.Td>{r.source.recommender || r.source.enterprise || '—'}</Table.Td>
              <Table.Td>{r.outcomeText}</Table.Td>
              <Table.Td>{r.certificateNo || '—'}</Table.Td>
              <Table.Td>{r.batch || '—'}</Table.Td>
              <Table.Td>
                <Badge color={COLORS[r.status]} variant="light">
                  {RESULT_STATUS_LABELS[r.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.site ? (
                  <Text size="sm">
                    {r.site.code} {r.site.name}
                    {r.matchMethod && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        （{MATCH_METHOD_LABELS[r.matchMethod]}）
                      </Text>
                    )}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {r.status === 'review' ? `${r.candidates.length} 个候选` : r.reason}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}
