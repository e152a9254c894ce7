import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import type { CampaignConfig, Problems } from './campaignForm'

type Batch = CampaignConfig['resultBatches'][number]

/** 结果发布批次: name and date, added and removed freely (at most 12). */
export function BatchesEditor({ batches, problems, onChange }: { batches: Batch[]; problems: Problems; onChange(b: Batch[]): void }) {
  const set = (i: number, patch: Partial<Batch>) => onChange(batches.map((b, j) => (j === i ? { ...b, ...patch } : b)))
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        结果发布批次
      </Text>
      {batches.length === 0 && (
        <Text size="sm" c="dimmed">
          未设置批次
        </Text>
      )}
      {batches.map((b, i) => (
        <Group key={i} gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`第 ${i + 1} 个批次名称`}
            placeholder="如：第一批"
            value={b.name}
            onChange={(e) => set(i, { name: e.currentTarget.value })}
            error={problems[`resultBatches.${i}.name`]}
            w={160}
          />
          <TextInput
            type="date"
            aria-label={`第 ${i + 1} 个批次发布日期`}
            value={b.due}
            onChange={(e) => set(i, { due: e.currentTarget.value })}
            error={problems[`resultBatches.${i}.due`]}
            w={170}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`删除批次 ${b.name || i + 1}`}
            onClick={() => onChange(batches.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <div>
        <Button
          size="xs"
          variant="light"
          disabled={batches.length >= 12}
          onClick={() => onChange([...batches, { name: `第${'一二三四五六七八九十'[batches.length] ?? batches.length + 1}批`, due: '' }])}
        >
          添加批次
        </Button>
      </div>
    </Stack>
  )
}
