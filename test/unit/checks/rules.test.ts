import { describe, expect, it } from 'vitest'
import { evaluateSite, RULE_IDS, RULES, type CheckSite, type FindingDraft, type RuleId } from '../../../src-main/core/checks'
import { ctxFor, validSite, type CtxOptions } from './fixtures'

interface Case {
  rule: RuleId
  /** A site (and context) that breaks the rule. */
  bad: [Partial<CheckSite>, CtxOptions?]
  /** The nearest site that keeps it. */
  good: [Partial<CheckSite>, CtxOptions?]
  /** Something the Chinese message must say (what to fix). */
  says: RegExp
}

const other = validSite({ id: 2, code: 'GD-2021-Y002', address: '广州市越秀区中山路 9 号' })

const CASES: Case[] = [
  { rule: 'required-field', bad: [{ manager: '' }], good: [{ manager: '李四' }], says: /现场负责人不能为空/ },
  { rule: 'site-type', bad: [{ type: '专营店' }], good: [{ type: 'hall' }], says: /营业厅、客服中心、装维中心/ },
  { rule: 'uscc-checksum', bad: [{ uscc: '91440000719283738X' }], good: [{}], says: /按 GB 32100-2015 应为 L/ },
  { rule: 'phone-format', bad: [{ phone: '1380013800' }], good: [{ phone: '020-87654321' }], says: /1380013800.*手机号/ },
  { rule: 'email-format', bad: [{ email: 'tianhe@gd' }], good: [{ email: 'tianhe@gd.cn' }], says: /name@example\.com/ },
  {
    rule: 'star-level',
    bad: [{ starLevel: 5 }, { config: { starLevels: [3, 4] } }],
    good: [{ starLevel: 4 }, { config: { starLevels: [3, 4] } }],
    says: /可申报：三星级、四星级/,
  },
  {
    rule: 'application-window',
    bad: [{ applyDate: '2021-11-01' }],
    good: [{ applyDate: '2021-10-31' }],
    says: /2021年1月1日至2021年10月31日/,
  },
  { rule: 'superior-letter', bad: [{}, { attachments: [] }], good: [{}], says: /上传盖章的推荐函/ },
  {
    rule: 'training-proof',
    bad: [{ certificates: [] }],
    good: [{ certificates: [] }, { attachments: [{ kind: 'superior-letter', originalName: 'a.pdf', integrity: null }, { kind: 'lecturer-letter', originalName: 'b.pdf', integrity: null }] }],
    says: /标准宣讲师推荐信/,
  },
  {
    rule: 'certificate-unknown',
    bad: [{ certificates: ['GD2021001', 'GD2099999'] }],
    good: [{ certificates: ['GD2021001'] }],
    says: /GD2099999 不在已导入的培训合格名单中/,
  },
  {
    rule: 'duplicate-site',
    bad: [{ name: ' 广州天河营业厅 ' }, { others: [other] }],
    good: [{ name: '广州天河北营业厅' }, { others: [other] }],
    says: /GD-2021-Y002/,
  },
  {
    rule: 'attachment-integrity',
    bad: [{}, { attachments: [{ kind: 'superior-letter', originalName: '推荐函.pdf', integrity: 'missing' }] }],
    good: [{}, { attachments: [{ kind: 'superior-letter', originalName: '推荐函.pdf', integrity: null }] }],
    says: /推荐函\.pdf.*丢失.*重新上传/,
  },
  { rule: 'type-fields', bad: [{ areaSqm: null }], good: [{ areaSqm: 120 }], says: /营业面积/ },
  { rule: 'city-in-province', bad: [{ city: '杭州市' }], good: [{ city: '广州' }], says: /杭州市.*不是广东的地市/ },
]

const run = ([site, ctx]: [Partial<CheckSite>, CtxOptions?]): FindingDraft[] => {
  const s = validSite(site)
  return evaluateSite(s, ctxFor(s, ctx))
}

describe('every rule: a site that breaks it and one that keeps it', () => {
  it('covers every rule id of DESIGN §5 exactly once', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual([...RULE_IDS].sort())
  })

  it('the baseline site passes every rule', () => {
    expect(run([{}])).toEqual([])
  })

  for (const c of CASES) {
    it(`${c.rule}: reported for the breaking site, not for the passing one`, () => {
      const bad = run(c.bad).filter((f) => f.rule === c.rule)
      expect(bad.length).toBeGreaterThan(0)
      expect(bad[0].message).toMatch(c.says)
      expect(bad[0].severity).toBe(RULES.find((r) => r.id === c.rule)!.severity)
      expect(bad[0].fingerprint.startsWith(`${c.rule}:${bad[0].target}`)).toBe(true)
      expect(run(c.good).filter((f) => f.rule === c.rule)).toEqual([])
    })
  }
})

describe('training proof details', () => {
  const scanOnly = { attachments: [{ kind: 'superior-letter' as const, originalName: 'a.pdf', integrity: null }, { kind: 'training-certificate' as const, originalName: '证书.jpg', integrity: null }] }

  it('without any roster, a certificate scan is a warning "未核验", not an error', () => {
    const f = run([{ certificates: ['GD2021001'] }, { ...scanOnly, roster: {} }]).filter((x) => x.rule === 'training-proof')
    expect(f).toHaveLength(1)
    expect(f[0].severity).toBe('warning')
    expect(f[0].message).toContain('未核验')
    expect(f[0].target).toBe('training-certificate')
  })

  it('without any roster and without a scan, claimed numbers alone are an error', () => {
    const f = run([{ certificates: ['GD2021001'] }, { roster: {} }]).filter((x) => x.rule === 'training-proof')
    expect(f.map((x) => x.severity)).toEqual(['error'])
    expect(f[0].message).toContain('尚未导入培训合格名单')
  })

  it('with a roster loaded, a scan does not stand in for an unknown number', () => {
    const f = run([{ certificates: ['NOPE'] }, scanOnly])
    expect(f.find((x) => x.rule === 'training-proof')?.severity).toBe('error')
    expect(f.find((x) => x.rule === 'certificate-unknown')?.message).toContain('NOPE')
  })

  it('a certificate of a class not accepted for the site type is named in the error', () => {
    const f = run([{ type: 'hall' }, { roster: { GD2021001: 'installation' } }]).filter((x) => x.rule === 'training-proof')
    expect(f).toHaveLength(1)
    expect(f[0].message).toMatch(/GD2021001（装维中心星级评定培训班） 不适用于营业厅/)
  })

  it('accepted classes come from the campaign: the same certificate passes once the class is accepted', () => {
    const config = { acceptedClasses: { hall: ['installation' as const], callcenter: [], installation: [] } }
    const f = run([{}, { roster: { GD2021001: 'installation' }, config }]).filter((x) => x.rule === 'training-proof')
    expect(f).toEqual([])
  })

  it('a lecturer letter counts only while the campaign accepts lecturer letters', () => {
    const letter = { attachments: [{ kind: 'superior-letter' as const, originalName: 'a.pdf', integrity: null }, { kind: 'lecturer-letter' as const, originalName: 'b.pdf', integrity: null }] }
    expect(run([{ certificates: [] }, letter]).some((x) => x.rule === 'training-proof')).toBe(false)
    const off = { ...letter, config: { trainingProof: { certificate: true, lecturerLetter: false } } }
    const f = run([{ certificates: [] }, off]).filter((x) => x.rule === 'training-proof')
    expect(f).toHaveLength(1)
    expect(f[0].message).not.toContain('宣讲师推荐信')
  })
})

describe('campaign-driven attachments and types', () => {
  it('superior-letter is not demanded when the campaign does not require it', () => {
    expect(run([{}, { attachments: [], config: { requiredAttachments: [] } }]).some((f) => f.rule === 'superior-letter')).toBe(false)
  })

  it('another required attachment kind is reported by required-field with the kind as target', () => {
    const f = run([{}, { config: { requiredAttachments: ['superior-letter', 'self-assessment'] } }]).filter((x) => x.rule === 'required-field')
    expect(f.map((x) => x.target)).toEqual(['self-assessment'])
    expect(f[0].message).toContain('自评报告')
  })

  it('a call centre without seats is a type-fields warning; an installation centre needs neither', () => {
    expect(run([{ type: 'callcenter', areaSqm: null, seats: null }]).find((f) => f.rule === 'type-fields')?.target).toBe('seats')
    expect(run([{ type: 'installation', areaSqm: null, seats: null }]).some((f) => f.rule === 'type-fields')).toBe(false)
  })

  it('duplicates by address are found with different names, and fingerprints carry the other code', () => {
    const twin = validSite({ id: 3, code: 'GD-2021-Y003', name: '别的名字', address: '广州市天河区天河路1号。' })
    const f = run([{}, { others: [twin] }]).filter((x) => x.rule === 'duplicate-site')
    expect(f.map((x) => [x.target, x.fingerprint])).toEqual([['address', 'duplicate-site:address:GD-2021-Y003']])
  })

  it('many copies of one address give one finding that names the first three and counts the rest', () => {
    const twins = [3, 4, 5, 6, 7].map((n) =>
      validSite({ id: n, code: `GD-2021-Y00${n}`, name: `别的名字${n}`, address: '广州市天河区天河路1号' }),
    )
    const f = run([{}, { others: twins }]).filter((x) => x.rule === 'duplicate-site')
    expect(f).toHaveLength(1)
    expect(f[0].message).toContain('现场 GD-2021-Y003“别的名字3”、现场 GD-2021-Y004“别的名字4”、现场 GD-2021-Y005“别的名字5”等 5 个申报')
    expect(f[0].message).not.toContain('Y006')
    expect(f[0].fingerprint).toBe('duplicate-site:address:GD-2021-Y003,GD-2021-Y004,GD-2021-Y005')
  })

  it('a roster row not stored yet is named by its row, not by a code', () => {
    const row = validSite({ id: -12, code: '', name: '表里的现场', address: '广州市天河区天河路1号' })
    const f = run([{}, { others: [row] }]).filter((x) => x.rule === 'duplicate-site')
    expect(f[0].message).toContain('与本表第 12 行“表里的现场”详细地址相同')
  })

  it('an empty USCC is one required-field finding, not also a checksum finding', () => {
    const f = run([{ uscc: '' }])
    expect(f.map((x) => x.rule)).toEqual(['required-field'])
  })
})
