/**
 * The bundled campaign presets and the year shift, without zod: the renderer's first-run wizard shows a
 * preset, and zod would weigh on its first screen. That each preset passes campaignConfigSchema unchanged
 * is a unit test (test/unit/core/presets.test.ts), not a parse at load time.
 */
import preset2021 from '../../../resources/campaigns/2021.json'
import type { CampaignConfig } from './preset'

export const PRESETS: Record<number, CampaignConfig> = {
  2021: preset2021 as CampaignConfig,
}

/** The preset for a year: the nearest earlier preset with its dates moved to that year. */
export function presetForYear(year: number): CampaignConfig {
  if (PRESETS[year]) return structuredClone(PRESETS[year])
  const base = PRESETS[2021]
  return shiftCampaignYear(base, year)
}

export function shiftCampaignYear(config: CampaignConfig, year: number): CampaignConfig {
  const delta = year - config.year
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) + delta}${iso.slice(4)}`
  return {
    ...structuredClone(config),
    year,
    name: config.name.replace(String(config.year), String(year)),
    noticeNo: '',
    applicationWindow: { start: shift(config.applicationWindow.start), end: shift(config.applicationWindow.end) },
    resultBatches: config.resultBatches.map((b) => ({ ...b, due: shift(b.due) })),
  }
}
