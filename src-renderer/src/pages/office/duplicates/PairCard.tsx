import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { OFFICE_RESOLUTION_LABELS, type OpOutput } from '@contract'
import { formatTime } from '../common/format'

export type DuplicatePair = OpOutput<'office.duplicates.list'>['pairs'][number]
type Side = DuplicatePair['a']

function SideView({ side, other }: { side: Side; other: Side }) {
  // A value the two sides share is what made them look alike: shown in bold.
  const same = (k: keyof Side) => side[k] !== '' && side[k] === other[k]
  const line = (label: string, k: keyof Side) => (
    <Text size="sm" fw={same(k) ? 700 : undefined}>
      {label}：{side[k] || '（未填）'}
    </Text>
  )
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge variant="light" radius="sm">
          {side.province}
        </Badge>
        <Text size="sm" ff="monospace">
          {side.code}
        </Text>
      </Group>
      {line('现场名称', 'name')}
      {line('所在地市', 'city')}
      {line('地址', 'address')}
      {line('统一社会信用代码', 'uscc')}
    </Stack>
  )
}

/** Two sites side by side with the reasons they look like one, and the two ways to resolve the pair. */
export function PairCard({ pair, onResolve }: { pair: DuplicatePair; onResolve(as: 'duplicate' | 'distinct'): void }) {
  const cross = pair.a.province !== pair.b.province
  return (
    <Paper withBorder p="md" data-testid="duplicate-pair" data-key={pair.key} data-resolution={pair.resolution?.as ?? ''}>
      <Group justify="space-between" mb="xs" align="flex-start">
        <Group gap="xs">
          {pair.reasonLabels.map((r) => (
            <Badge key={r} color="orange" variant="light" radius="sm" data-testid="duplicate-reason">
              {r}
            </Badge>
          ))}
          {cross && (
            <Badge color="grape" variant="light" radius="sm">
              跨省
            </Badge>
          )}
        </Group>
        {pair.resolution ? (
          <Stack gap={0} align="flex-end">
            <Badge color={pair.resolution.as === 'duplicate' ? 'red' : 'teal'} radius="sm" data-testid="duplicate-resolution">
              {OFFICE_RESOLUTION_LABELS[pair.resolution.as]}
            </Badge>
            <Text size="xs" c="dimmed">
              {pair.resolution.resolvedBy}，{formatTime(pair.resolution.resolvedAt)}
              {pair.resolution.reason ? `：${pair.resolution.reason}` : ''}
            </Text>
          </Stack>
        ) : (
          <Group gap="xs">
            <Button size="xs" color="red" variant="light" onClick={() => onResolve('duplicate')}>
              确认重复
            </Button>
            <Button size="xs" variant="default" onClick={() => onResolve('distinct')}>
              不是重复
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="lg">
        <SideView side={pair.a} other={pair.b} />
        <SideView side={pair.b} other={pair.a} />
      </SimpleGrid>
    </Paper>
  )
}
