import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { Settings } from '@contract'
import { chineseDate, daysText, deadlines } from './deadlines'

type Campaign = NonNullable<Settings['campaign']>

/** The active campaign and the days left to its deadlines. */
export function CampaignDeadlines({ campaign }: { campaign: Campaign }) {
  const list = deadlines(campaign.config)
  return (
    <Paper withBorder p="md" data-testid="campaign-deadlines">
      <Title order={3} size="h5" mb={4}>
        {campaign.config.name}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        申报时间 {chineseDate(campaign.config.applicationWindow.start)} 至 {chineseDate(campaign.config.applicationWindow.end)}
      </Text>
      <Stack gap={6}>
        {list.map((d) => (
          <Group key={d.key} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {d.label}（{chineseDate(d.date)}）
            </Text>
            <Badge
              radius="sm"
              variant={d.daysLeft < 0 ? 'light' : 'filled'}
              color={d.daysLeft < 0 ? 'gray' : d.daysLeft <= 14 ? 'orange' : 'blue'}
            >
              {daysText(d.daysLeft)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
