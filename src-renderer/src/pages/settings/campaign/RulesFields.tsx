import { Checkbox, Group, MultiSelect, NumberInput, SimpleGrid, Stack, Switch, TagsInput, Text } from '@mantine/core'
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  SITE_TYPE_INFO,
  STAR_LABELS,
  TRAINING_CLASS_LABELS,
} from '@contract'
import { normaliseTypes, type CampaignConfig, type Problems } from './campaignForm'

type ClassKey = keyof typeof TRAINING_CLASS_LABELS
type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]
const CLASS_KEYS = Object.keys(TRAINING_CLASS_LABELS) as ClassKey[]
const CLASS_OPTIONS = CLASS_KEYS.map((k) => ({ value: k, label: TRAINING_CLASS_LABELS[k] }))
const isClass = (v: string): v is ClassKey => (CLASS_KEYS as string[]).includes(v)
const isKind = (v: string): v is AttachmentKind => (ATTACHMENT_KINDS as readonly string[]).includes(v)
const SITE_KINDS = ['hall', 'callcenter', 'installation'] as const
const LEVELS = [1, 2, 3, 4, 5]

interface RulesFieldsProps {
  config: CampaignConfig
  problems: Problems
  onChange(patch: Partial<CampaignConfig>): void
}

/** What a site must satisfy this year: star levels, attachments, training proof, files accepted. */
export function RulesFields({ config, problems, onChange }: RulesFieldsProps) {
  return (
    <Stack gap="md">
      <Checkbox.Group
        label="可申报星级"
        value={config.starLevels.map(String)}
        onChange={(v) => onChange({ starLevels: v.map(Number).sort((a, b) => a - b) })}
        error={problems.starLevels}
      >
        <Group gap="lg" mt={6}>
          {LEVELS.map((n) => (
            <Checkbox key={n} value={String(n)} label={STAR_LABELS[n]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group
        label="必须提供的附件"
        value={config.requiredAttachments}
        onChange={(v) => onChange({ requiredAttachments: v.filter(isKind) })}
        error={problems.requiredAttachments}
      >
        <Group gap="lg" mt={6}>
          {ATTACHMENT_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={ATTACHMENT_KIND_LABELS[k]} />
          ))}
        </Group>
      </Checkbox.Group>
      <div>
        <Text size="sm" fw={500}>
          培训证明（满足其一即可）
        </Text>
        <Group gap="xl" mt={6}>
          <Switch
            label="认可的培训班合格证书"
            checked={config.trainingProof.certificate}
            onChange={(e) => onChange({ trainingProof: { ...config.trainingProof, certificate: e.currentTarget.checked } })}
          />
          <Switch
            label="标准宣讲师推荐信"
            checked={config.trainingProof.lecturerLetter}
            onChange={(e) => onChange({ trainingProof: { ...config.trainingProof, lecturerLetter: e.currentTarget.checked } })}
          />
        </Group>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {SITE_KINDS.map((t) => (
          <MultiSelect
            key={t}
            label={`${SITE_TYPE_INFO[t].label}认可的培训班`}
            placeholder={config.acceptedClasses[t].length ? undefined : '不认可任何培训班'}
            data={CLASS_OPTIONS}
            value={config.acceptedClasses[t]}
            onChange={(v) => onChange({ acceptedClasses: { ...config.acceptedClasses, [t]: v.filter(isClass) } })}
            disabled={!config.trainingProof.certificate}
          />
        ))}
      </SimpleGrid>
      <Group gap="md" align="flex-start" grow>
        <TagsInput
          label="允许的附件类型"
          description="文件扩展名，输入后按回车添加"
          value={config.attachmentTypes}
          onChange={(v) => onChange({ attachmentTypes: normaliseTypes(v) })}
          error={problems.attachmentTypes}
          splitChars={[',', '，', ' ', '、']}
        />
        <NumberInput
          label="单个附件大小上限（MB）"
          description="超过此大小的文件不能添加"
          value={config.maxAttachmentMb}
          onChange={(v) => onChange({ maxAttachmentMb: typeof v === 'number' ? v : Number(v) || 0 })}
          min={1}
          max={2048}
          error={problems.maxAttachmentMb}
          maw={240}
        />
      </Group>
    </Stack>
  )
}
