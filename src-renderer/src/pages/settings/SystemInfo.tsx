import { Code, Paper, Stack, Text, Title } from '@mantine/core'
import type { Settings } from '@contract'
import { DataCheck } from './DataCheck'

/** Where the data lives and which version runs: what support asks first. */
export function SystemInfo({ settings }: { settings: Settings }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        系统信息
      </Title>
      <Stack gap={6}>
        <Text size="sm">
          数据文件夹：<Code>{settings.dataDir}</Code>
        </Text>
        <Text size="sm">程序版本：{settings.version}</Text>
        <Text size="xs" c="dimmed">
          数据文件夹保存全部现场、附件和生成的文件，请定期备份整个文件夹。
        </Text>
        <DataCheck />
      </Stack>
    </Paper>
  )
}
