import { Alert, Anchor, List, Text } from '@mantine/core'
import { useCallback, useEffect, useRef } from 'react'
import { RULE_LABELS } from '@contract'
import { call } from '../../../api'
import { useLoader } from '../../../components/useLoader'
import { focusTarget } from '../focusTarget'

const PICKED = {
  outline: '3px solid var(--mantine-color-orange-5)',
  outlineOffset: 2,
  borderRadius: 'var(--mantine-radius-sm)',
}

/**
 * The site's open findings at the top of 基本信息. `version` (the site's updatedAt) changes after a save: the
 * core has re-checked the site by then, so the list is read again and a fixed finding disappears.
 * `pickFirst` (opened from the list's 审核 counts): once the findings arrive, the first one is scrolled into
 * view and outlined, as the 审核 page's jump outlines a field.
 */
export function SiteFindings({ siteId, version, pickFirst }: { siteId: number; version?: string; pickFirst?: boolean }) {
  const load = useCallback(() => call('checks.findings', { siteId }), [siteId])
  const { data, reload } = useLoader(load)

  useEffect(() => {
    if (version !== undefined) void reload()
  }, [version, reload])
  useEffect(() => {
    const onFocus = () => void reload()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [reload])

  const findings = data?.findings ?? []
  const first = useRef<HTMLLIElement>(null)
  const firstId = findings[0]?.id
  useEffect(() => {
    const el = first.current
    if (!pickFirst || !el) return
    el.scrollIntoView({ block: 'center' })
    el.setAttribute('data-focus-target', 'true')
    const timer = window.setTimeout(() => el.removeAttribute('data-focus-target'), 4000)
    return () => window.clearTimeout(timer)
  }, [pickFirst, firstId])

  if (findings.length === 0) return null
  const errors = findings.filter((x) => x.severity === 'error').length
  return (
    <Alert
      color={errors ? 'red' : 'yellow'}
      title={errors ? `审核发现 ${errors} 个错误${findings.length > errors ? `、${findings.length - errors} 个警告` : ''}` : `审核发现 ${findings.length} 个警告`}
      mb="md"
      data-testid="site-findings"
    >
      <List size="sm" spacing={2}>
        {findings.map((x, i) => (
          <List.Item
            key={x.id}
            ref={i === 0 ? first : undefined}
            data-rule={x.rule}
            data-testid="site-finding"
            style={i === 0 && pickFirst ? PICKED : undefined}
          >
            <Text span size="sm" fw={600} c={x.severity === 'error' ? 'red' : 'yellow.8'}>
              {x.severity === 'error' ? '错误' : '警告'} · {RULE_LABELS[x.rule]}：
            </Text>
            {x.target ? (
              <Anchor component="button" type="button" size="sm" ta="left" style={{ display: 'inline' }} onClick={() => focusTarget(x.target ?? '')}>
                {x.message}
              </Anchor>
            ) : (
              <Text span size="sm">
                {x.message}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
