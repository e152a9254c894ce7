import { describe, expect, it } from 'vitest'
import { campaignConfigSchema, PRESETS, presetForYear } from '../../../src-main/core/campaign/preset'

describe('bundled campaign presets', () => {
  it('each preset is a valid campaign config as it stands (no defaults filled in by the schema)', () => {
    for (const preset of Object.values(PRESETS)) expect(campaignConfigSchema.parse(preset)).toEqual(preset)
  })

  it('a later year is the preset with its dates moved, and still valid', () => {
    const p = presetForYear(2023)
    expect(p.applicationWindow).toEqual({ start: '2023-01-01', end: '2023-10-31' })
    expect(campaignConfigSchema.parse(p)).toEqual(p)
  })
})
