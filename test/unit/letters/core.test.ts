/** The pure parts: cleaning, 文号 and date formats, template filling and the title's line breaks. */
import { describe, expect, it } from 'vitest'
import { cleanDocText } from '../../../src-main/core/letters/clean'
import { formatChineseDate, formatDocNo } from '../../../src-main/core/letters/docNo'
import { letterSettingsSchema, DEFAULT_LETTER_SETTINGS } from '../../../src-main/core/letters/settings'
import { fillTemplate, unknownFields } from '../../../src-main/core/letters/templates'
import { titleLines } from '../../../src-main/services/letters/measures'

describe('letter text', () => {
  it('strips what XML cannot carry and keeps everything else, emoji included', () => {
    expect(cleanDocText('a\u0000b\u0007c\u000Bd\u001Fe\tf\ng\uFFFEh\uFFFF😀')).toBe('abcde\tf\ngh😀')
    expect(cleanDocText('x\uD800y\uDC00z')).toBe('xyz')
    expect(cleanDocText('<&"\'>')).toBe('<&"\'>')
  })

  it('formats 文号 and dates as GB/T 9704 writes them', () => {
    expect(formatDocNo('粤通协', 2021, 12)).toBe('粤通协\u30142021\u301512号')
    expect(formatDocNo('粤通协', 2021, 1)).toBe('粤通协〔2021〕1号')
    expect(formatChineseDate('2021-06-01')).toBe('2021年6月1日')
    expect(formatChineseDate('2021-12-31')).toBe('2021年12月31日')
  })

  it('fills fields, drops a line whose fields are all empty, removes empty brackets, keeps unknown fields visible', () => {
    const t = '推荐{现场名称}（{通知文号}）。\n{突出表现}\n{未知}字段'
    expect(fillTemplate(t, { 现场名称: 'A\u0007厅', 通知文号: '', 突出表现: '' })).toEqual(['推荐A厅。', '{未知}字段'])
    expect(unknownFields(t)).toEqual(['未知'])
  })

  it('validates saved settings: unknown fields, empty titles and odd font names are refused in Chinese', () => {
    const bad = letterSettingsSchema.safeParse({
      ...DEFAULT_LETTER_SETTINGS,
      fonts: { ...DEFAULT_LETTER_SETTINGS.fonts, body: '' },
      templates: { ...DEFAULT_LETTER_SETTINGS.templates, siteTitle: '{名称}' },
    })
    expect(bad.success).toBe(false)
    const messages = bad.error!.issues.map((i) => i.message)
    expect(messages).toContain('正文字体不能为空')
    expect(messages).toContain('推荐函标题中有无法识别的字段：{名称}')
  })

  it('breaks a long title into two balanced lines, the upper no longer than the lower', () => {
    expect(titleLines('关于推荐广州天河营业厅的函', 20)).toEqual(['关于推荐广州天河营业厅的函'])
    const lines = titleLines('关于推荐中国移动广州分公司天河城营业厅参加星级服务现场评定的函', 20)
    expect(lines).toHaveLength(2)
    expect(lines.join('')).toBe('关于推荐中国移动广州分公司天河城营业厅参加星级服务现场评定的函')
    expect([...lines[0]].length).toBeLessThanOrEqual([...lines[1]].length)
    expect(lines.every((l) => [...l].length <= 20)).toBe(true)
    // A break before 参加 is taken rather than cutting the name, even if the upper line is a little longer.
    expect(titleLines('关于推荐广州天河区天河城营业厅参加星级服务现场评定活动的函', 20)).toEqual([
      '关于推荐广州天河区天河城营业厅',
      '参加星级服务现场评定活动的函',
    ])
  })
})
