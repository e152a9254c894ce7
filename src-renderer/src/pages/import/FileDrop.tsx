import { Button, Group, Text } from '@mantine/core'
import { useRef, useState, type DragEvent } from 'react'
import classes from './FileDrop.module.css'

interface FileDropProps {
  label: string
  hint: string
  buttonText: string
  disabled?: boolean
  onFiles(files: File[]): void
  onChoose(): void
}

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files')

/** A roster dropped from Explorer or Finder, or chosen with the button (plain HTML5 drag and drop). */
export function FileDrop({ label, hint, buttonText, disabled, onFiles, onChoose }: FileDropProps) {
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
    const files = Array.from(e.dataTransfer.files)
    if (files.length) onFiles(files)
  }

  return (
    <div
      className={classes.zone}
      data-over={over || undefined}
      data-testid="roster-dropzone"
      role="region"
      aria-label={label}
      aria-disabled={disabled || undefined}
      onDragEnter={enter}
      onDragOver={overZone}
      onDragLeave={leave}
      onDrop={drop}
    >
      <Text fw={500}>{over ? '松开鼠标即可读取' : '将汇总表拖到此处，或点击下面的按钮选择文件'}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
      <Group justify="center" mt="sm">
        <Button size="sm" disabled={disabled} onClick={onChoose}>
          {buttonText}
        </Button>
      </Group>
    </div>
  )
}
