import type { Page } from 'playwright-core'

/** Pick an option of a Mantine Select inside `scope` by its label. */
export async function pickOption(page: Page, scope: ReturnType<Page['getByTestId']> | Page, label: string, option: string) {
  await scope.getByRole('textbox', { name: label }).or(scope.getByLabel(label)).first().click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Collect what a person would not see but a test must: console errors and failed page scripts. */
export function watchPage(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return problems
}

export async function fillSettings(page: Page, values: { name: string; short: string; province: string; option: string; year?: number }) {
  await page.getByRole('link', { name: '设置' }).click()
  await page.getByLabel('协会名称').fill(values.name)
  await page.getByLabel('简称').fill(values.short)
  await page.getByLabel('省份').fill(values.province)
  await page.getByRole('option', { name: values.option }).click()
  if (values.year) await page.getByLabel('年度').fill(String(values.year))
  await page.getByRole('button', { name: '保存', exact: true }).click()
}
