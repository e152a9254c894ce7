import { Code, Paper, Stack, Text, Title } from '@mantine/core'
import { useSession } from '../../../app/SessionContext'

/** Where the office's data lives: office.db, the received bundles (bundles/), its outputs. */
export function OfficeSystemInfo() {
  const { session } = useSession()
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        系统信息
      </Title>
      <Stack gap={6}>
        <Text size="sm">
          数据文件夹：<Code>{session?.dataDir ?? ''}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          数据文件夹保存全国名册（office.db）和收到的每个报送包原件（bundles 文件夹，按内容校验值命名，不解压），请定期备份整个文件夹。
        </Text>
      </Stack>
    </Paper>
  )
}
