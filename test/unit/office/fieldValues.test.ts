/** Register values as people read them (drawer, diff, 全国名册 export): codes named, text as typed. */
import { describe, expect, it } from 'vitest'
import { fieldValueText } from '../../../src-main/core/office/fieldValues'

describe('fieldValueText', () => {
  it('names the type and the star level the manifest carries as a code and a number', () => {
    expect(fieldValueText('type', 'hall')).toBe('营业厅')
    expect(fieldValueText('type', 'callcenter')).toBe('客服中心')
    expect(fieldValueText('starLevel', 4)).toBe('四星级')
    expect(fieldValueText('starLevel', 9)).toBe('9星级')
  })

  it('leaves everything else as carried: a type it does not know, a number elsewhere, text with its punctuation', () => {
    expect(fieldValueText('type', 'newKind')).toBe('newKind')
    expect(fieldValueText('type', 'constructor')).toBe('constructor')
    expect(fieldValueText('staffCount', 4)).toBe('4')
    expect(fieldValueText('address', '广州市天河区（天河路）1 号，A 座')).toBe('广州市天河区（天河路）1 号，A 座')
    expect(fieldValueText('certificates', ['客服证书一', '客服证书二'])).toBe('客服证书一、客服证书二')
    expect(fieldValueText('files', { 'a.pdf': 'ab12' })).toBe('{"a.pdf":"ab12"}')
    expect(fieldValueText('remarks', null)).toBe('')
  })
})
