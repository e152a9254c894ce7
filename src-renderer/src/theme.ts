import { createTheme } from '@mantine/core'

const CJK_FONTS = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif"

export const theme = createTheme({
  fontFamily: CJK_FONTS,
  headings: { fontFamily: CJK_FONTS },
  primaryColor: 'blue',
  defaultRadius: 'sm',
})
