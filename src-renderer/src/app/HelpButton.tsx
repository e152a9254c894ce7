import { Button } from '@mantine/core'
import { forwardRef } from 'react'

/** The header's 帮助 button: the menu's target, and what stands in its place while the menu's code loads. */
export const HelpButton = forwardRef<HTMLButtonElement>(function HelpButton(props, ref) {
  return (
    <Button ref={ref} variant="subtle" size="compact-sm" {...props}>
      帮助
    </Button>
  )
})
