import { createTheme, type MantineThemeComponent } from '@mantine/core'

const CJK_FONTS = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif"

/**
 * Dropdowns are mounted only while open: a closed list would otherwise sit in the page labelled with its
 * input's label, and "the field labelled 省份" would name two elements.
 */
const comboboxProps = { keepMounted: false }

// The plain form of `Select.extend(…)` (extend returns its argument): importing the components themselves
// would put every dropdown's code on the first screen.
const withComboboxProps: MantineThemeComponent = { defaultProps: { comboboxProps } }

export const theme = createTheme({
  fontFamily: CJK_FONTS,
  headings: { fontFamily: CJK_FONTS },
  primaryColor: 'blue',
  defaultRadius: 'sm',
  components: {
    Select: withComboboxProps,
    Autocomplete: withComboboxProps,
    MultiSelect: withComboboxProps,
  },
})
