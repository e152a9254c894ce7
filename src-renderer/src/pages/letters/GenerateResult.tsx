import { Alert, List, Stack, Text } from '@mantine/core'
import type { OpOutput } from '@contract'

export type GenerateOutput = OpOutput<'letters.generate'>

/** What 生成推荐函 did: how many letters, and every skipped site with the server's reasons. */
export function GenerateResult({ result }: { result: GenerateOutput }) {
  const { generated, skipped } = result
  return (
    <Stack gap="xs" data-testid="letters-result">
      <Alert color={generated.length > 0 ? 'green' : 'yellow'} title="推荐函生成完成">
        <Text size="sm" data-testid="generated-count">
          已生成 {generated.length} 份推荐函{skipped.length > 0 ? `，跳过 ${skipped.length} 个现场` : ''}。
        </Text>
      </Alert>
      {skipped.length > 0 && (
        <Alert color="orange" title={`以下 ${skipped.length} 个现场未生成推荐函`}>
          <Stack gap={6}>
            {skipped.map((s) => (
              <div key={s.siteId} data-testid="skipped-site">
                <Text size="sm" fw={600}>
                  {s.siteCode} {s.siteName}
                </Text>
                <List size="sm" withPadding>
                  {s.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              </div>
            ))}
            <Text size="xs" c="dimmed">
              请在“审核”中处理这些问题后再生成。
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}
