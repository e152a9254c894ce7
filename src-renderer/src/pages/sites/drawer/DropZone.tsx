import { Button, Group, Text } from '@mantine/core'
import { useRef, useState, type DragEvent } from 'react'
import classes from './DropZone.module.css'

interface DropZoneProps {
  /** E.g. "可上传：pdf、ofd…；每个文件不超过 50 MB". */
  hint: string
  disabled?: boolean
  onFiles(files: File[]): void
  onChoose(): void
}

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files')

/**
 * Files dropped from Explorer or Finder, or chosen with the button. Plain HTML5 drag and drop: the browser
 * opens a file dropped anywhere else, so this area claims dragover and drop for itself.
 */
export function DropZone({ hint, disabled, onFiles, onChoose }: DropZoneProps) {
  const [over, setOver] = useState(false)
  // dragenter/dragleave fire for every child element crossed: count them to know when the pointer left.
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
    const files = Array.from(e.dataTransfer.files)
    if (files.length) onFiles(files)
  }

  return (
    <div
      className={classes.zone}
      data-over={over || undefined}
      data-testid="attachment-dropzone"
      role="region"
      aria-label="添加附件"
      aria-disabled={disabled || undefined}
      onDragEnter={enter}
      onDragOver={overZone}
      onDragLeave={leave}
      onDrop={drop}
      onClick={() => !disabled && onChoose()}
    >
      <Text fw={500}>{over ? '松开鼠标即可添加' : '将文件拖到此处，或点击选择文件'}</Text>
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
          选择文件
        </Button>
      </Group>
    </div>
  )
}
