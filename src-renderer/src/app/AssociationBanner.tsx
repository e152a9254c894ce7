import { Alert, Button, Group, Text } from '@mantine/core'
import { navigate } from './routes'

/** Shown until the association profile exists: most work needs its name and province. */
export function AssociationBanner({ onSettingsPage }: { onSettingsPage: boolean }) {
  return (
    <Alert color="yellow" title="请先填写协会信息" mb="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {onSettingsPage
            ? '请在下方填写协会名称、简称和省份并保存；首次保存时将同时建立本年度的评定活动。'
            : '尚未填写本协会的名称、简称和省份。填写后才能登记现场、生成推荐函和报送包。'}
        </Text>
        {!onSettingsPage && (
          <Button size="xs" onClick={() => navigate('settings')}>
            前往设置
          </Button>
        )}
      </Group>
    </Alert>
  )
}
