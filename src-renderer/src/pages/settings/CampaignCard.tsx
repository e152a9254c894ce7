import { Paper, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { STAR_LABELS, type Settings } from '../../../../src-main/api/contract'

type Campaign = NonNullable<Settings['campaign']>

const formatDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return y && m && d ? `${y}年${m}月${d}日` : iso
}

/** The active campaign's rules, read-only (they come from the year's preset). */
export function CampaignCard({ campaign }: { campaign: Campaign | null }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        本年度评定活动
      </Title>
      {!campaign ? (
        <Text c="dimmed" size="sm">
          尚未建立评定活动。首次保存协会信息时会按所选年度自动建立。
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4} variant="vertical" layout="fixed">
          <Table.Tbody>
            <Row label="年度">{campaign.year} 年</Row>
            <Row label="活动名称">{campaign.config.name}</Row>
            {campaign.config.noticeNo && <Row label="通知文号">{campaign.config.noticeNo}</Row>}
            <Row label="申报时间">
              {formatDate(campaign.config.applicationWindow.start)} 至 {formatDate(campaign.config.applicationWindow.end)}
            </Row>
            <Row label="结果公布批次">
              {campaign.config.resultBatches.length === 0
                ? '无'
                : campaign.config.resultBatches.map((b) => `${b.name}（${formatDate(b.due)}前）`).join('；')}
            </Row>
            <Row label="可申报星级">{campaign.config.starLevels.map((n) => STAR_LABELS[n] ?? `${n}星级`).join('、')}</Row>
            <Row label="报送单位">{campaign.config.nationalOffice.name}</Row>
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={120}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  )
}
