import { Code, Modal, Stack, Text } from '@mantine/core'
import { useSettings } from './SettingsContext'

/** 关于: the program, its version and where its data lives (settings.get). */
export function AboutDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { settings } = useSettings()
  return (
    <Modal opened={opened} onClose={onClose} title="关于">
      <Stack gap="xs" data-testid="about">
        <Text fw={600}>星级服务现场推荐报送系统</Text>
        <Text size="sm">程序版本：{settings?.version ?? '—'}</Text>
        <Text size="sm">
          数据文件夹：<Code>{settings?.dataDir ?? '—'}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          用于信息通信行业星级服务现场评定活动的推荐、审核、报送与结果登记。数据文件夹保存全部现场、附件和生成的文件，请定期备份。
        </Text>
      </Stack>
    </Modal>
  )
}
