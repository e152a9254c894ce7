import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chineseDate, isIsoDate, isWithin } from '../../../src-main/core/checks/dates'
import { isValidEmail } from '../../../src-main/core/checks/email'
import { invalidPhones, isValidPhone, phoneKind } from '../../../src-main/core/checks/phone'
import { isValidUscc, USCC_CHARSET, usccCheckChar, usccProblem } from '../../../src-main/core/checks/uscc'
import { normalizePhone } from '../../../src-main/core/sites/normalize'

const charsetChar = fc.constantFrom(...USCC_CHARSET)
const validUscc = fc.array(charsetChar, { minLength: 17, maxLength: 17 }).map((cs) => {
  const body = cs.join('')
  return body + usccCheckChar(body)!
})

describe('USCC (GB 32100-2015)', () => {
  it('accepts published examples and computes their check characters', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(isValidUscc('91350100M000100Y43')).toBe(true)
    expect(usccCheckChar('91440000719283738')).toBe('L')
  })

  it('check value 31 mod 31 maps to 0, not past the charset', () => {
    // Seventeen zeros sum to 0: 31 - 0 = 31, which must wrap to the character '0'.
    expect(usccCheckChar('00000000000000000')).toBe('0')
  })

  it('reports length, forbidden characters and a wrong check character, in that order', () => {
    expect(usccProblem('9144000071928373')).toEqual({ kind: 'length', length: 16 })
    expect(usccProblem('91440000719283738I')).toEqual({ kind: 'charset', chars: ['I'] })
    for (const ch of 'IOZSV') expect(usccProblem(`9144000071928373${ch}L`)?.kind).toBe('charset')
    expect(usccProblem('91440000719283738X')).toEqual({ kind: 'checksum', expected: 'L', actual: 'X' })
  })

  it('property: every generated code (17 random charset characters + computed check) passes', () => {
    fc.assert(fc.property(validUscc, (code) => isValidUscc(code)), { numRuns: 2000 })
  })

  it('property: changing any single character to any other charset character is caught', () => {
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), charsetChar, (code, i, ch) => {
        fc.pre(code[i] !== ch)
        const changed = code.slice(0, i) + ch + code.slice(i + 1)
        const problem = usccProblem(changed)
        return problem !== null && problem.kind === 'checksum'
      }),
      { numRuns: 5000 },
    )
  })

  it('exhaustively for one code: all 18 × 30 single-character changes are caught', () => {
    const code = '91350100M000100Y43'
    let caught = 0
    for (let i = 0; i < 18; i++)
      for (const ch of USCC_CHARSET)
        if (ch !== code[i] && !isValidUscc(code.slice(0, i) + ch + code.slice(i + 1))) caught++
    expect(caught).toBe(18 * 30)
  })
})

describe('phone numbers', () => {
  const good: [string, string][] = [
    ['13800138000', 'mobile'],
    ['19912345678', 'mobile'],
    ['+8613800138000', 'mobile'],
    ['020-87654321', 'landline'],
    ['02087654321', 'landline'],
    ['0755-2345678', 'landline'],
    ['0771-5678901', 'landline'],
    ['020-87654321-8001', 'landline'],
    ['020-87654321转8001', 'landline'],
    ['400-123-4567', 'service'],
    ['4001234567', 'service'],
    ['800-810-8888', 'service'],
  ]
  for (const [phone, kind] of good) it(`accepts ${phone} as ${kind}`, () => expect(phoneKind(phone)).toBe(kind))

  const bad = ['1380013800', '12800138000', '138001380000', '87654321', '020-0654321', '20-87654321', '400-12-34567', '300-123-4567', 'abc', '']
  for (const phone of bad) it(`refuses ${JSON.stringify(phone)}`, () => expect(isValidPhone(phone)).toBe(false))

  it('the normalised form of what people type is accepted: brackets, spaces, full-width digits, long dashes', () => {
    expect(isValidPhone(normalizePhone('（020）8765 4321'))).toBe(true)
    expect(isValidPhone(normalizePhone('１３８００１３８０００'))).toBe(true)
    expect(isValidPhone(normalizePhone('020—87654321'))).toBe(true)
  })

  it('several numbers in one cell: each must be valid, and the bad one is named', () => {
    expect(isValidPhone('020-87654321/13800138000')).toBe(true)
    expect(invalidPhones('020-87654321、1380013800')).toEqual(['1380013800'])
  })
})

describe('e-mail', () => {
  for (const e of ['a@b.cn', 'first.last+tag@mail.gd.example.com', 'pdb_office@126.com', 'x-y@a-b.org'])
    it(`accepts ${e}`, () => expect(isValidEmail(e)).toBe(true))
  for (const e of ['a@b', 'ab.cn', '@b.cn', 'a@@b.cn', 'a@b..cn', 'a.@b.cn', 'a@-b.cn', 'a@b.c', 'a@b.cn。', '张三@b.cn', 'a b@c.cn', 'qq,com@a.cn'])
    it(`refuses ${e}`, () => expect(isValidEmail(e)).toBe(false))
})

describe('dates and the application window', () => {
  const w = { start: '2021-01-01', end: '2021-10-31' }
  it('is inclusive at both ends', () => {
    expect(isWithin('2021-01-01', w)).toBe(true)
    expect(isWithin('2021-10-31', w)).toBe(true)
    expect(isWithin('2020-12-31', w)).toBe(false)
    expect(isWithin('2021-11-01', w)).toBe(false)
  })
  it('refuses impossible dates and other shapes', () => {
    expect(isIsoDate('2021-02-29')).toBe(false)
    expect(isIsoDate('2020-02-29')).toBe(true)
    expect(isWithin('2021-02-30', w)).toBe(false)
    expect(isWithin('2021/5/6', w)).toBe(false)
  })
  it('writes dates the Chinese way in messages', () => {
    expect(chineseDate('2021-10-31')).toBe('2021年10月31日')
    expect(chineseDate('2021-01-05')).toBe('2021年1月5日')
  })
})
