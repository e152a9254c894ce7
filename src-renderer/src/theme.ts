import { Autocomplete, createTheme, MultiSelect, Select } from '@mantine/core'

const CJK_FONTS = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif"

/**
 * Dropdowns are mounted only while open: a closed list would otherwise sit in the page labelled with its
 * input's label, and "the field labelled 省份" would name two elements.
 */
const comboboxProps = { keepMounted: false }

export const theme = createTheme({
  fontFamily: CJK_FONTS,
  headings: { fontFamily: CJK_FONTS },
  primaryColor: 'blue',
  defaultRadius: 'sm',
  components: {
    Select: Select.extend({ defaultProps: { comboboxProps } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { comboboxProps } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { comboboxProps } }),
  },
})
