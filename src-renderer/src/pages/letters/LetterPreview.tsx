import { Alert, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useRef, useState } from 'react'
import type { OpOutput, Site } from '@contract'
import { call, errorMessage } from '../../api'

type Preview = OpOutput<'letters.preview'>

const SAMPLE = 'sample'

/** The 推荐函 as the current (unsaved) wording fills it for a chosen site, refreshed shortly after typing stops. */
export function LetterPreview({ sites, siteTitle, siteBody }: { sites: Site[]; siteTitle: string; siteBody: string }) {
  const [siteId, setSiteId] = useState<string>(SAMPLE)
  // A string, not an object: a fresh object each render would restart the debounce forever.
  const [debounced] = useDebouncedValue(JSON.stringify([siteId, siteTitle, siteBody]), 400)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const request = useRef(0)

  useEffect(() => {
    const id = ++request.current
    setLoading(true)
    const [site, title, body] = JSON.parse(debounced) as [string, string, string]
    const input = { ...(site === SAMPLE ? {} : { siteId: Number(site) }), template: { siteTitle: title, siteBody: body } }
    call('letters.preview', input)
      .then((p) => {
        if (id !== request.current) return
        setPreview(p)
        setError(null)
      })
      .catch((e: unknown) => id === request.current && setError(errorMessage(e)))
      .finally(() => id === request.current && setLoading(false))
  }, [debounced])

  const options = [{ value: SAMPLE, label: '示例现场' }, ...sites.map((s) => ({ value: String(s.id), label: `${s.code} ${s.name}` }))]
  return (
    <Stack gap="xs">
      <Select label="预览现场" data={options} value={siteId} onChange={(v) => setSiteId(v ?? SAMPLE)} searchable allowDeselect={false} />
      {error && (
        <Alert color="red" title="无法预览">
          {error}
        </Alert>
      )}
      <Paper withBorder p="md" data-testid="letter-preview" style={{ opacity: loading ? 0.6 : 1 }}>
        {preview ? (
          <Stack gap={6}>
            <Text size="sm" ta="right" c="dimmed">
              {preview.docNo}
            </Text>
            <Title order={4} ta="center">
              {preview.title}
            </Title>
            {preview.paragraphs.map((p, i) => (
              <Text key={i} size="sm" style={{ textIndent: '2em', lineHeight: 1.8 }}>
                {p}
              </Text>
            ))}
          </Stack>
        ) : (
          <Loader size="sm" />
        )}
      </Paper>
      <Text size="xs" c="dimmed">
        预览只显示推荐函的标题和正文；报送函在生成报送包时按同样方式填写。
      </Text>
    </Stack>
  )
}
