import { Alert, Badge, Group, List, Paper, Stack, Text } from '@mantine/core'
import { OFFICE_BUNDLE_STATUS_LABELS } from '@contract'
import type { ReceiveOutput } from './ReceivePanel'

const COLORS: Record<keyof typeof OFFICE_BUNDLE_STATUS_LABELS, string> = {
  ingested: 'teal',
  'pending-confirmation': 'orange',
  superseded: 'gray',
  refused: 'red',
  'already-received': 'gray',
}

/** One row per file received: 已入库 / 待确认 / 已拒收 with every problem, each naming the file it is about. */
export function ReceiveResults({ result }: { result: ReceiveOutput }) {
  const { counts } = result
  return (
    <Stack gap="xs" data-testid="receive-results">
      <Text size="sm" fw={600} data-testid="receive-counts">
        已入库 {counts.ingested} 个，待确认 {counts.pending} 个，已拒收 {counts.refused} 个
        {counts.alreadyReceived ? `，此前已收到 ${counts.alreadyReceived} 个` : ''}
        {result.cancelled ? '（已取消，其余文件未接收）' : ''}
      </Text>
      {result.outcomes.map((o) => (
        <Paper key={o.file} withBorder p="sm" data-testid="receive-outcome" data-status={o.status}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Badge color={COLORS[o.status]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
              {OFFICE_BUNDLE_STATUS_LABELS[o.status]}
            </Badge>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} data-testid="receive-file">
                {o.fileName}
                {o.province ? `（${o.province}）` : ''}
              </Text>
              <Text size="sm">{o.message}</Text>
            </Stack>
          </Group>
          {o.problems.length > 0 && (
            <Alert color="red" variant="light" mt="xs" p="xs">
              <List size="sm" spacing={2}>
                {o.problems.map((p, i) => (
                  <List.Item key={i} data-testid="receive-problem" data-problem={p.kind} data-path={p.path}>
                    <Text span size="sm" ff="monospace">
                      {p.path}
                    </Text>
                    ：{p.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Paper>
      ))}
    </Stack>
  )
}
