import { Stack, Tabs, Text, Title } from '@mantine/core'
import { useCallback } from 'react'
import { call } from '../../api'
import { useSettings } from '../../app/SettingsContext'
import { useLoader } from '../../components/useLoader'
import { GeneratePanel } from './GeneratePanel'
import { LetterList } from './LetterList'
import { TemplateEditor } from './TemplateEditor'

/** 推荐函: generate the year's letters, list and open them; 措辞与格式 edits their wording and layout. */
export function LettersPage() {
  const { settings } = useSettings()
  const ready = settings?.association != null
  const loadLetters = useCallback(async () => (ready ? (await call('letters.list', {})).letters : []), [ready])
  const letters = useLoader(loadLetters)

  return (
    <Stack gap="md">
      <Title order={2}>推荐函</Title>
      {!ready && <Text c="dimmed">请先在“设置”中填写协会信息。</Text>}
      <Tabs defaultValue="generate" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="generate">生成推荐函</Tabs.Tab>
          <Tabs.Tab value="templates">措辞与格式</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="generate" pt="md">
          <Stack gap="lg">
            <GeneratePanel ready={ready} onGenerated={() => void letters.reload()} />
            <div>
              <Title order={4} mb="xs">
                已生成的推荐函
              </Title>
              <LetterList
                letters={letters.data ?? []}
                loading={letters.loading}
                error={letters.error}
                onReload={() => void letters.reload()}
              />
            </div>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplateEditor ready={ready} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
