import { Badge, Group, Text, Tooltip } from '@mantine/core'

/** The fields a template may use; a click puts one where the caret was in the last edited template. */
export function FieldList({ fields, target, onInsert }: { fields: Record<string, string>; target: string; onInsert(field: string): void }) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        可用字段（点击插入到“{target}”的光标处）
      </Text>
      <Group gap={6} data-testid="template-fields">
        {Object.entries(fields).map(([name, help]) => (
          <Tooltip key={name} label={help} withArrow multiline maw={320}>
            <Badge
              component="button"
              type="button"
              variant="light"
              radius="sm"
              style={{ cursor: 'pointer', textTransform: 'none' }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onInsert(name)}
            >
              {`{${name}}`}
            </Badge>
          </Tooltip>
        ))}
      </Group>
    </div>
  )
}
