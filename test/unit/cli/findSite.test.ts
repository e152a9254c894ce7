/** attach's SITE argument: a code, the name as typed, or the same name up to width (stored by the old cleaner). */
import { describe, expect, it } from 'vitest'
import type { Site } from '../../../src-main/api/contract'
import { findSite } from '../../../src-main/cli/commands/siteRef'

const site = (id: number, code: string, name: string) => ({ id, code, name }) as unknown as Site

describe('findSite', () => {
  const sites = [site(1, 'GD-2021-Y001', '广州天河营业厅（新址）'), site(2, 'GD-2021-Y002', '深圳(福田)营业厅'), site(3, 'GD-2021-Y003', '广州(新址)')]

  it('by code in any width and case, by the name as typed, and by the name up to width', () => {
    expect(findSite(sites, 'ｇｄ-2021-y001').id).toBe(1)
    expect(findSite(sites, '广州天河营业厅（新址）').id).toBe(1)
    expect(findSite(sites, '广州天河营业厅(新址)').id).toBe(1)
    expect(findSite(sites, '深圳（福田）营业厅').id).toBe(2)
  })

  it('prefers the exact name over one equal only up to width', () => {
    const both = [...sites, site(4, 'GD-2021-Y004', '广州（新址）')]
    expect(findSite(both, '广州（新址）').id).toBe(4)
    expect(findSite(both, '广州(新址)').id).toBe(3)
  })

  it('an unknown name is refused in Chinese', () => {
    expect(() => findSite(sites, '珠海营业厅')).toThrow(/找不到现场“珠海营业厅”/)
  })
})
