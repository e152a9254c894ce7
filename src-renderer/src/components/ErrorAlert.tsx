import { Alert, Button, Group, Text } from '@mantine/core'
import { errorMessage } from '../api'

/** A failure to load something, with its Chinese message and a retry button. */
export function ErrorAlert({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title={title} role="alert" mb="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            重试
          </Button>
        )}
      </Group>
    </Alert>
  )
}
