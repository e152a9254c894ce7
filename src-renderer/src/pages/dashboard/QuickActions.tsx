import { Button, Group, Paper, Title } from '@mantine/core'
import { navigate, type RouteKey } from '../../app/routes'

const ACTIONS: { route: RouteKey; label: string }[] = [
  { route: 'import', label: '导入汇总表' },
  { route: 'sites', label: '新建或查找现场' },
  { route: 'review', label: '运行审核' },
  { route: 'letters', label: '生成推荐函' },
  { route: 'bundle', label: '生成报送包' },
  { route: 'results', label: '导入评定结果' },
]

/** The year's usual next steps, one click away. */
export function QuickActions() {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        常用操作
      </Title>
      <Group gap="xs">
        {ACTIONS.map((a) => (
          // Buttons, not links: the navigation rail's links keep their names unique on the page.
          <Button key={a.route} onClick={() => navigate(a.route)} variant="light" size="xs">
            {a.label}
          </Button>
        ))}
      </Group>
    </Paper>
  )
}
