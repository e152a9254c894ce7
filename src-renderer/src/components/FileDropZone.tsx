import { Button, Group, Text } from '@mantine/core'
import { useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react'
import classes from './FileDropZone.module.css'

interface FileDropZoneProps {
  /** What the zone is for, read by screen readers, e.g. 校验报送包. */
  label: string
  /** E.g. "仅限 .zip 文件". */
  hint: string
  disabled?: boolean
  testId?: string
  /** The idle prompt; the default suits any file. */
  prompt?: string
  /** Shown while files are held over the zone. */
  overText?: string
  buttonText?: string
  onFiles(files: File[]): void
  onChoose(): void
  /** Takes the whole drop instead of onFiles (folders need its items, read during the event). */
  onDropTransfer?(transfer: DataTransfer): void
  /** Extra buttons beside the choose button (e.g. 选择文件夹). */
  extraButtons?: ReactNode
}

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files')

/**
 * Files dropped from Explorer or Finder, or chosen with the button (plain HTML5 drag and drop). The browser
 * would open a file dropped anywhere else, so this area claims dragover and drop for itself.
 */
export function FileDropZone({
  label,
  hint,
  disabled,
  testId,
  prompt = '将文件拖到此处，或点击选择文件',
  overText = '松开鼠标即可添加',
  buttonText = '选择文件',
  onFiles,
  onChoose,
  onDropTransfer,
  extraButtons,
}: FileDropZoneProps) {
  const [over, setOver] = useState(false)
  // dragenter/dragleave fire for every child crossed: count them to know when the pointer really left.
  const depth = useRef(0)

  const enter = (e: DragEvent) => {
    if (!carriesFiles(e)) return
    e.preventDefault()
    depth.current += 1
    setOver(true)
  }
  const overZone = (e: DragEvent) => {
    if (!carriesFiles(e)) return
    e.preventDefault()
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy'
  }
  const leave = () => {
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) setOver(false)
  }
  const drop = (e: DragEvent) => {
    e.preventDefault()
    depth.current = 0
    setOver(false)
    if (disabled) return
    if (onDropTransfer) return onDropTransfer(e.dataTransfer)
    const files = Array.from(e.dataTransfer.files)
    if (files.length) onFiles(files)
  }
  const key = (e: KeyboardEvent) => {
    if ((e.key === 'Enter' || e.key === ' ') && !disabled) {
      e.preventDefault()
      onChoose()
    }
  }

  return (
    <div
      className={classes.zone}
      data-over={over || undefined}
      data-testid={testId}
      role="region"
      aria-label={label}
      aria-disabled={disabled || undefined}
      tabIndex={disabled ? -1 : 0}
      onKeyDown={key}
      onDragEnter={enter}
      onDragOver={overZone}
      onDragLeave={leave}
      onDrop={drop}
      onClick={() => !disabled && onChoose()}
    >
      <Text fw={500}>{over ? overText : prompt}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
      <Group justify="center" mt="sm">
        <Button
          size="xs"
          variant="light"
          disabled={disabled}
          onClick={(e) => {
            e.stopPropagation()
            onChoose()
          }}
        >
          {buttonText}
        </Button>
        {extraButtons}
      </Group>
    </div>
  )
}
