/** What a 回执 says, before layout: its 代字, the signature's lines, the diff sentence, hostile text cleaned. */
import { describe, expect, it } from 'vitest'
import { bodyItemText, contentToText } from '../../../src-main/core/letters/content'
import { changeRows, diffSentence, groupedHash, receiptContent, receiptDocPrefix, signatureLines } from '../../../src-main/core/office/receipt'

const BUNDLE = {
  province: '广东省',
  association: '广东省通信行业协会',
  campaignYear: 2021,
  originalName: '广东\u0007_报送包.zip',
  sha256: 'AB'.repeat(32),
  size: 68_000,
  receivedAt: '2021-06-01T08:00:00.000Z',
  fingerprint: '24583915 85828094 E3CF5DC0 7481504A C0EF85DF 58856905 B123A357 75EF6D2A',
  sites: 300,
  files: 1204,
}

describe('回执 content', () => {
  it('代字: the short name or the set prefix, with 函 added once', () => {
    expect(receiptDocPrefix('推进办', null)).toBe('推进办函')
    expect(receiptDocPrefix('推进办', '通企推进')).toBe('通企推进函')
    expect(receiptDocPrefix('推进办', '通企推进函')).toBe('通企推进函')
    expect(receiptDocPrefix('推进办', '  ')).toBe('推进办函')
  })

  it('signature: a short name on one line, the office full name broken after 委员会', () => {
    expect(signatureLines('服务现场质量推进活动办公室')).toBe('服务现场质量推进活动办公室')
    expect(signatureLines('中国通信企业协会信息通信服务工作委员会服务现场质量推进活动办公室')).toBe(
      '中国通信企业协会信息通信服务工作委员会\n服务现场质量推进活动办公室',
    )
    const plain = signatureLines('甲'.repeat(30))
    expect(plain.split('\n').map((l) => l.length)).toEqual([15, 15])
  })

  it('diff: counts in the sentence; the sites in annex rows, ten of each kind, the rest counted; labels for changed fields', () => {
    const code = (i: number) => `GD-2021-Y${String(i).padStart(3, '0')}`
    const added = Array.from({ length: 12 }, (_, i) => ({ code: code(i + 1), name: `营业厅${i + 1}` }))
    const diff = {
      added,
      withdrawn: [{ code: 'GD-2021-Y050', name: '旧厅\u0007(东区)' }],
      changed: [
        { code: 'GD-2021-Y100', field: 'starLevel', before: 4, after: 5 },
        { code: 'GD-2021-Y100', field: 'name', before: 'a', after: 'b' },
        { code: 'GD-2021-Y101', field: 'files', before: {}, after: { 'a.pdf': 'x' } },
        { code: 'GD-2021-Y101', field: 'newerField', before: 1, after: 2 },
      ],
    }
    expect(diffSentence(diff)).toBe('新增现场 12 个；撤回现场 1 个；改动 4 处，涉及现场 2 个')
    expect(diffSentence({ added: [], withdrawn: [], changed: [] })).toBe('新增现场 0 个；撤回现场 0 个；改动 0 处')

    const { rows, note } = changeRows(diff, { 'GD-2021-Y100': '天河（体育中心）营业厅' })
    expect(rows.map((r) => r.change)).toEqual([...Array(10).fill('新增'), '撤回', '改动', '改动'])
    expect(rows.slice(0, 10).map((r) => r.code)).toEqual(added.slice(0, 10).map((a) => a.code))
    // Full-width marks typed stay; ASCII ones around Chinese print full-width; a control character never reaches the letter.
    expect(rows[10]).toEqual({ change: '撤回', code: 'GD-2021-Y050', name: '旧厅（东区）', fields: '' })
    expect(rows[11]).toEqual({ change: '改动', code: 'GD-2021-Y100', name: '天河（体育中心）营业厅', fields: '申报星级、现场名称' })
    expect(rows[12]).toEqual({ change: '改动', code: 'GD-2021-Y101', name: '', fields: '附件、newerField' })
    expect(note).toBe('每类变动列出前 10 个现场，另有新增现场 2 个未列出。')
    expect(changeRows({ added: [], withdrawn: [], changed: diff.changed }).note).toBeUndefined()

    // In the letter: the sentence names no code and points to the annex, which lists them.
    const content = receiptContent({
      office: '服务现场质量推进活动办公室',
      bundle: BUNDLE,
      superseded: { originalName: 'old.zip', receivedAt: '2021-05-20T08:00:00.000Z', diff },
      docNo: '推进办函〔2021〕7号',
      date: '2021年6月1日',
    })
    const five = content.body.map(bodyItemText).find((b) => b.startsWith('五、'))!
    expect(five).toMatch(/与之相比：新增现场 12 个；撤回现场 1 个；改动 4 处，涉及现场 2 个。变动的现场见附件。$/)
    expect(five).not.toContain('GD-')
    expect(content.attachments).toEqual(['报送包变动的现场'])
    expect(content.annex).toMatchObject({ label: '附件', title: '报送包变动的现场', note })
    expect(content.annex && 'changes' in content.annex && content.annex.changes).toHaveLength(13)

    // Re-sent unchanged: the counts, no annex.
    const same = receiptContent({
      office: '推进办',
      bundle: BUNDLE,
      superseded: { originalName: 'old.zip', receivedAt: '2021-05-20T08:00:00.000Z', diff: { added: [], withdrawn: [], changed: [] } },
      docNo: '推进办函〔2021〕8号',
      date: '2021年6月1日',
    })
    expect(same.body.map(bodyItemText).join('')).toContain('与之相比：新增现场 0 个；撤回现场 0 个；改动 0 处。')
    expect(same.body.map(bodyItemText).join('')).not.toContain('附件')
    expect(same.annex).toBeUndefined()
    expect(same.attachments).toEqual([])
  })

  it('names the bundle, its hash in groups, the key, the counts; a control character never reaches the letter', () => {
    const content = receiptContent({ office: '服务现场质量推进活动办公室', bundle: BUNDLE, docNo: '推进办函〔2021〕7号', date: '2021年6月1日' })
    expect(content.title).toBe('关于收到广东省2021年星级服务现场推荐报送包的回执')
    expect(content.addressee).toBe('广东省通信行业协会：')
    const text = contentToText(content)
    expect(text).toContain('广东_报送包.zip（66 KB）')
    expect(text).not.toContain('\u0007')
    expect(text).toContain(`SHA-256校验值：${groupedHash(BUNDLE.sha256)}`)
    expect(groupedHash(BUNDLE.sha256)).toMatch(/^(abababab ){7}abababab$/)
    expect(text).toContain(`签名公钥指纹：${BUNDLE.fingerprint}`)
    expect(text).toContain('收到现场 300 个、文件 1204 个；发现的问题：无。')
    expect(content.body.map(bodyItemText).join('')).not.toContain('替代')
    expect(content.body.at(-1)).toBe('特此函复。')
  })
})
