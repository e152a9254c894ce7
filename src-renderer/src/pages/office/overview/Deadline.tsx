import { Paper, Text } from '@mantine/core'
import { officeHref } from '../../../app/office/officeRoutes'

/** 报送截止: the date and the days left, red once it has passed. */
export function Deadline({ deadline, daysLeft }: { deadline: string | null; daysLeft: number | null }) {
  if (!deadline)
    return (
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed">
          报送截止日期
        </Text>
        <Text size="sm" mt={4}>
          未设置，<a href={officeHref('settings')}>在“设置”中填写</a>
        </Text>
      </Paper>
    )
  const [y, m, d] = deadline.split('-').map(Number)
  const left = daysLeft ?? 0
  return (
    <Paper withBorder p="md" data-testid="overview-deadline">
      <Text size="xs" c="dimmed">
        报送截止：{y}年{m}月{d}日
      </Text>
      <Text size="xl" fw={700} c={left < 0 ? 'red' : left <= 7 ? 'orange' : undefined}>
        {left > 0 ? `还有 ${left} 天` : left === 0 ? '今天截止' : `已过 ${-left} 天`}
      </Text>
    </Paper>
  )
}
