import { describe, expect, it } from 'vitest'
import { diffIsEmpty, diffSites } from '../../../src-main/core/office/diff'

const site = (code: string, fields: Record<string, unknown>) => ({ code, name: String(fields.name ?? code), fields })

describe('diffSites', () => {
  it('lists added, withdrawn and each changed field with before and after', () => {
    const before = [site('GD-1', { name: 'A', starLevel: 4, files: { 'x.pdf': 'aa' } }), site('GD-2', { name: 'B' })]
    const after = [site('GD-1', { name: 'A', starLevel: 5, files: { 'x.pdf': 'bb' }, phone: '1' }), site('GD-3', { name: 'C' })]
    const diff = diffSites(before, after)
    expect(diff.added).toEqual([{ code: 'GD-3', name: 'C' }])
    expect(diff.withdrawn).toEqual([{ code: 'GD-2', name: 'B' }])
    expect(diff.changed).toEqual([
      { code: 'GD-1', field: 'files', before: { 'x.pdf': 'aa' }, after: { 'x.pdf': 'bb' } },
      { code: 'GD-1', field: 'phone', before: null, after: '1' },
      { code: 'GD-1', field: 'starLevel', before: 4, after: 5 },
    ])
    expect(diffIsEmpty(diff)).toBe(false)
    expect(diffIsEmpty(diffSites(before, before))).toBe(true)
  })
})
