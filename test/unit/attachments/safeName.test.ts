import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../../src-main/core/files/safeName'

describe('safeFileName', () => {
  it('keeps only the last path segment, for / and \\ alike', () => {
    expect(safeFileName('../../etc/推荐函.pdf')).toBe('推荐函.pdf')
    expect(safeFileName('..\\..\\Windows\\推荐函.pdf')).toBe('推荐函.pdf')
    expect(safeFileName('C:\\Users\\clerk\\桌面\\证书.jpg')).toBe('证书.jpg')
    expect(safeFileName('..')).toBe('未命名')
    expect(safeFileName('a/..')).toBe('未命名')
  })

  it('drops control and bidi characters and replaces characters Windows forbids', () => {
    expect(safeFileName('推荐\u0000函\u001f.pdf')).toBe('推荐函.pdf')
    expect(safeFileName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf')
    expect(safeFileName('invoice\u202egpj.exe')).toBe('invoicegpj.exe')
  })

  it('removes trailing dots and spaces and leading dots', () => {
    expect(safeFileName('推荐函.pdf. . ')).toBe('推荐函.pdf')
    expect(safeFileName('  .hidden.pdf')).toBe('hidden.pdf')
    expect(safeFileName('.pdf')).toBe('未命名.pdf')
    expect(safeFileName('报告 .pdf')).toBe('报告.pdf')
  })

  it('prefixes reserved Windows device names, in any case and before any extension', () => {
    expect(safeFileName('CON')).toBe('_CON')
    expect(safeFileName('con.pdf')).toBe('_con.pdf')
    expect(safeFileName('Com1.tar.gz')).toBe('_Com1.tar.gz')
    expect(safeFileName('LPT9.docx')).toBe('_LPT9.docx')
    expect(safeFileName('AUX.')).toBe('_AUX')
    // Not reserved: a longer word that starts like one.
    expect(safeFileName('CONTRACT.pdf')).toBe('CONTRACT.pdf')
    expect(safeFileName('COM10.pdf')).toBe('COM10.pdf')
  })

  it('bounds a 300-character name to 120 characters, keeping the extension', () => {
    const out = safeFileName(`${'a'.repeat(300)}.pdf`)
    expect(out).toBe(`${'a'.repeat(116)}.pdf`)
  })

  it('bounds Chinese names by UTF-8 bytes too (255-byte limit on macOS and Linux), keeping the extension', () => {
    const out = safeFileName(`${'长'.repeat(300)}.docx`)
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(240)
    expect(out.endsWith('.docx')).toBe(true)
    expect(out).toBe(`${'长'.repeat(78)}.docx`)
  })

  it('never splits a surrogate pair when cutting', () => {
    const out = safeFileName(`${'😀'.repeat(100)}.pdf`, { maxLength: 11 })
    expect(out).toBe(`${'😀'.repeat(7)}.pdf`)
  })

  it('normalises decomposed (macOS) names to NFC', () => {
    expect(safeFileName('cafe\u0301.pdf')).toBe('caf\u00e9.pdf')
  })

  it('is idempotent', () => {
    for (const name of ['../CON.pdf', `${'x'.repeat(300)}.pdf`, 'a<b>.pdf. ', '.pdf', '推荐函.pdf'])
      expect(safeFileName(safeFileName(name))).toBe(safeFileName(name))
  })
})
