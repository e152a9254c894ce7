import { ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core'
import { describeProblem, type RowProblem } from './problems'

const LIMIT = 500

/** Every problem in words, errors first; clicking one brings its row into view. */
export function ProblemList({ problems, onPick }: { problems: RowProblem[]; onPick(problem: RowProblem): void }) {
  const sorted = [...problems].sort((a, b) => (a.kind === b.kind ? a.row - b.row : a.kind === 'error' ? -1 : 1))
  if (!sorted.length)
    return (
      <Text size="sm" c="dimmed" p="sm">
        没有发现问题。
      </Text>
    )
  return (
    <ScrollArea h={420} type="auto" aria-label="问题清单" data-testid="problem-list">
      <Stack gap={4} pr="sm">
        {sorted.slice(0, LIMIT).map((p, i) => (
          <UnstyledButton
            key={`${p.row}:${p.column}:${p.field}:${i}`}
            onClick={() => onPick(p)}
            data-testid="problem-item"
            data-severity={p.kind}
            style={{
              padding: '4px 8px',
              borderRadius: 4,
              borderLeft: `3px solid var(--mantine-color-${p.kind === 'error' ? 'red-6' : 'yellow-6'})`,
              background: `var(--mantine-color-${p.kind === 'error' ? 'red-0' : 'yellow-0'})`,
            }}
          >
            <Text size="xs">
              <Text span fw={600} size="xs" c={p.kind === 'error' ? 'red.8' : 'yellow.9'}>
                {p.kind === 'error' ? '错误 ' : '提醒 '}
              </Text>
              {describeProblem(p)}
            </Text>
          </UnstyledButton>
        ))}
        {sorted.length > LIMIT && (
          <Text size="xs" c="dimmed">
            ……另有 {sorted.length - LIMIT} 条，请勾选“只看有问题的行”在表格中查看
          </Text>
        )}
      </Stack>
    </ScrollArea>
  )
}
