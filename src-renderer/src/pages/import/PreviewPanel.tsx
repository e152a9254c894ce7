import { Alert, Badge, Group, Stack, Switch, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { PreviewTable } from './PreviewTable'
import { ProblemList } from './ProblemList'
import { tableColumns, type RosterPreview } from './problems'

/** What the importer read: counts, columns used and ignored, every row with its bad cells marked. */
export function PreviewPanel({ preview }: { preview: RosterPreview }) {
  const [onlyProblems, setOnlyProblems] = useState(preview.counts.error + preview.counts.warning > 0)
  // Open on the first bad cell, so the clerk sees a red cell rather than the first columns of good rows.
  const [focus, setFocus] = useState<{ row: number; column: string } | null>(() => {
    const first = preview.rows.flatMap((r) => r.problems).find((p) => p.kind === 'error')
    return first ? { row: first.row, column: first.column } : null
  })
  const columns = useMemo(() => tableColumns(preview), [preview])
  const rows = useMemo(
    () => (onlyProblems ? preview.rows.filter((r) => r.problems.length > 0) : preview.rows),
    [preview.rows, onlyProblems],
  )
  const problems = useMemo(() => preview.rows.flatMap((r) => r.problems), [preview.rows])
  const { counts } = preview

  return (
    <Stack gap="sm">
      <Group gap="xs" data-testid="preview-counts">
        <Text size="sm">
          “{preview.fileName}”工作表“{preview.sheet}”，表头在第 {preview.headerRow} 行，共 {counts.total} 行数据：
        </Text>
        <Badge color="green" variant="light" data-count="new">新增 {counts.new}</Badge>
        <Badge color="blue" variant="light" data-count="update">更新 {counts.update}</Badge>
        <Badge color="red" variant={counts.error ? 'filled' : 'light'} data-count="error">有错误 {counts.error}</Badge>
        <Badge color="yellow" variant={counts.warning ? 'filled' : 'light'} data-count="warning">有警告 {counts.warning}</Badge>
      </Group>
      <Text size="xs" c="dimmed">
        已识别的列：{columns.map((c) => `${c.letter} ${c.label}`).join('、')}
      </Text>
      {preview.ignoredColumns.length > 0 && (
        <Alert color="yellow" p="xs" title="以下列未能识别，不会导入" data-testid="ignored-columns">
          <Text size="xs">{preview.ignoredColumns.map((c) => `${c.column} 列“${c.header}”`).join('、')}</Text>
        </Alert>
      )}
      <Group justify="space-between">
        <Switch
          label="只看有问题的行"
          checked={onlyProblems}
          onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          红色单元格为错误（该行不能导入），黄色为警告（会导入，审核时提示）；鼠标停在单元格上可看原因。
        </Text>
      </Group>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 340px', gap: 'var(--mantine-spacing-sm)' }}>
        <PreviewTable rows={rows} columns={columns} focus={focus} />
        <div>
          <Text size="sm" fw={600} mb={4}>
            问题清单（{problems.length} 条）
          </Text>
          <ProblemList
            problems={problems}
            onPick={(p) => {
              setOnlyProblems(true)
              setFocus({ row: p.row, column: p.column })
            }}
          />
        </div>
      </div>
    </Stack>
  )
}
