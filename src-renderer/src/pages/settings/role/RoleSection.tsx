import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { ROLE_LABELS } from '@contract'
import { call } from '../../../api'
import { useSession } from '../../../app/SessionContext'
import { BecomeOfficeForm } from './BecomeOfficeForm'

/**
 * 使用角色: what this data folder is for. A folder holds one role's data only, so switching means another
 * folder; an empty province folder may still become the office's.
 */
export function RoleSection() {
  const { session, setSession } = useSession()
  const [choosing, setChoosing] = useState(false)
  // Read again here: the folder may have gained province data since the app started (then it can no longer change).
  useEffect(() => {
    call('session.get', {})
      .then(setSession)
      .catch(() => undefined)
  }, [setSession])
  const role = session?.role ?? 'province'
  return (
    <Paper withBorder p="md" data-testid="role-section">
      <Title order={3} size="h4" mb="sm">
        使用角色
      </Title>
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm">本数据文件夹的角色：</Text>
          <Badge variant="light" color={role === 'office' ? 'grape' : 'blue'} radius="sm" data-testid="current-role">
            {ROLE_LABELS[role]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          同一个程序可用作省级协会（登记、审核、报送本省推荐的现场）或全国推进办公室（接收各省报送包、建立全国名册）。
          两种角色的数据不能放在同一个数据文件夹中：已有省级协会数据的文件夹不能改为推进办公室，推进办公室的文件夹也不能改为省级协会。
          如需换用另一种角色，请用另一个数据文件夹启动程序（命令行参数 --data 文件夹，或环境变量 STARSITE_DATA）。
        </Text>
        {role === 'province' && session?.canBecomeOffice && !choosing && (
          <Group>
            <Button variant="light" color="grape" onClick={() => setChoosing(true)}>
              改为全国推进办公室
            </Button>
            <Text size="xs" c="dimmed">
              此文件夹中还没有省级协会的数据，可以改为推进办公室使用。
            </Text>
          </Group>
        )}
        {choosing && <BecomeOfficeForm onCancel={() => setChoosing(false)} />}
      </Stack>
    </Paper>
  )
}
