import { Button, ScrollArea, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { call } from '../../api'
import { notifyError, notifySuccess } from '../../app/notify'
import type { SiteResult } from './useResults'

interface Draft {
  certificateReceivedOn: string
  plaqueReceivedOn: string
  handler: string
}

const draftOf = (s: SiteResult): Draft => ({
  certificateReceivedOn: s.certificateReceivedOn ?? '',
  plaqueReceivedOn: s.plaqueReceivedOn ?? '',
  handler: s.handler,
})

function HandoverRow({ item, onSaved }: { item: SiteResult; onSaved(): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(item))
  const [saving, setSaving] = useState(false)
  const saved = draftOf(item)
  const dirty = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== saved[k])
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const save = async () => {
    setSaving(true)
    try {
      await call('results.handover', {
        siteId: item.siteId,
        certificateReceivedOn: draft.certificateReceivedOn || null,
        plaqueReceivedOn: draft.plaqueReceivedOn || null,
        handler: draft.handler,
      })
      notifySuccess(`已保存 ${item.site.code} 的领取记录`)
      onSaved()
    } catch (e) {
      notifyError(e, '领取记录未保存')
    } finally {
      setSaving(false)
    }
  }

  const label = (what: string) => `${item.site.name} ${what}`
  return (
    <Table.Tr data-testid="handover-row">
      <Table.Td>{item.site.code}</Table.Td>
      <Table.Td>{item.site.name}</Table.Td>
      <Table.Td>{item.outcomeText}</Table.Td>
      <Table.Td>{item.certificateNo || '—'}</Table.Td>
      <Table.Td>{item.plaqueNo || '—'}</Table.Td>
      <Table.Td>
        <TextInput type="date" size="xs" aria-label={label('证书领取日期')} value={draft.certificateReceivedOn} onChange={(e) => set('certificateReceivedOn', e.currentTarget.value)} disabled={item.outcome !== 'rated'} />
      </Table.Td>
      <Table.Td>
        <TextInput type="date" size="xs" aria-label={label('标牌领取日期')} value={draft.plaqueReceivedOn} onChange={(e) => set('plaqueReceivedOn', e.currentTarget.value)} disabled={item.outcome !== 'rated'} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" w={100} aria-label={label('经办人')} value={draft.handler} onChange={(e) => set('handler', e.currentTarget.value)} disabled={item.outcome !== 'rated'} />
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant={dirty ? 'filled' : 'default'} disabled={!dirty} loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </Table.Td>
    </Table.Tr>
  )
}

/** 证书、标牌领取: per site with a result, when each was collected and who handled it. */
export function HandoverTable({ sites, onSaved }: { sites: SiteResult[]; onSaved(): void }) {
  if (!sites.length) return null
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        证书与标牌领取（{sites.length} 个现场）
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        推进办公室颁发证书和标牌后，登记各现场的领取日期和经办人。
      </Text>
      <ScrollArea type="auto">
        <Table verticalSpacing={4} miw={1080}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>现场编号</Table.Th>
              <Table.Th>现场名称</Table.Th>
              <Table.Th>评定结果</Table.Th>
              <Table.Th>证书编号</Table.Th>
              <Table.Th>标牌编号</Table.Th>
              <Table.Th>证书领取日期</Table.Th>
              <Table.Th>标牌领取日期</Table.Th>
              <Table.Th>经办人</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.map((s) => (
              <HandoverRow key={`${s.siteId}:${s.updatedAt}`} item={s} onSaved={onSaved} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </div>
  )
}
