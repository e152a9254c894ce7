import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { normalizeCertificateNo, parseTrainingClass } from '../../../src-main/core/training/records'
import { queryAudit } from '../../../src-main/db/repositories/audit'
import {
  certificatesForSite,
  listTrainingRecords,
  removeTrainingRecords,
  saveTrainingRecord,
} from '../../../src-main/services/training/training'
import { call, setUp, SITE, type World } from '../attachments/setup'
import { thrown } from '../../helpers/errors'

let w: World
afterEach(() => w?.cleanup())

const ZHANG = { trainee: '张三', workUnit: '中国移动广州分公司', certificateNo: 'gd2021-001', class: '营业厅星级评定培训班', issuedOn: '2021年5月6日' }

describe('reading a training record', () => {
  it('normalises certificate numbers to half-width upper case without spaces', () => {
    expect(normalizeCertificateNo(' ｇｄ２０２１－００１ ')).toBe('GD2021-001')
    expect(normalizeCertificateNo('gd 2021 001')).toBe('GD2021001')
  })

  it('reads classes by code, full label and common short names', () => {
    expect(parseTrainingClass('hall')).toBe('hall')
    expect(parseTrainingClass('营业厅星级评定培训班')).toBe('hall')
    expect(parseTrainingClass('宣讲师')).toBe('lecturer')
    expect(parseTrainingClass('装维中心星级评定培训班')).toBe('installation')
    expect(parseTrainingClass('客服')).toBe('callcenter')
    expect(parseTrainingClass('烹饪班')).toBeNull()
  })
})

describe('saving training records', () => {
  it('creates a record with the number normalised, the class read from its label and the date parsed; audits it', async () => {
    w = await setUp()
    const r = saveTrainingRecord(w.app, ZHANG)
    expect(r).toMatchObject({
      trainee: '张三',
      certificateNo: 'GD2021-001',
      class: 'hall',
      classLabel: '营业厅星级评定培训班',
      issuedOn: '2021-05-06',
    })
    const audit = queryAudit(w.app.db, { entity: 'training', limit: 10 })
    expect(audit.map((e) => e.summary)).toEqual(['新增培训记录 张三（证书编号 GD2021-001，营业厅星级评定培训班）'])
  })

  it('refuses a duplicate certificate number, however it is written, naming the number and its holder', async () => {
    w = await setUp()
    saveTrainingRecord(w.app, ZHANG)
    const error = thrown(() => saveTrainingRecord(w.app, { ...ZHANG, trainee: '李四', certificateNo: 'ＧＤ２０２１－００１' }))
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('证书编号 GD2021-001 已登记在 张三')
    expect(listTrainingRecords(w.app)).toHaveLength(1)
  })

  it('updates by id (keeping its own number is fine), audits the changed fields, and refuses taking another number', async () => {
    w = await setUp()
    const zhang = saveTrainingRecord(w.app, ZHANG)
    const li = saveTrainingRecord(w.app, { trainee: '李四', certificateNo: 'GD2021-002', class: 'lecturer' })
    const updated = saveTrainingRecord(w.app, { ...ZHANG, id: zhang.id, workUnit: '中国移动深圳分公司' })
    expect(updated.workUnit).toBe('中国移动深圳分公司')
    expect(updated.id).toBe(zhang.id)
    const last = queryAudit(w.app.db, { entity: 'training', entityId: String(zhang.id), action: 'update', limit: 1 })[0]
    expect(last.summary).toBe('修改培训记录 张三（证书编号 GD2021-001）：工作单位：中国移动广州分公司 → 中国移动深圳分公司')

    const error = thrown(() => saveTrainingRecord(w.app, { ...ZHANG, id: li.id, trainee: '李四' }))
    expect(error.message).toContain('证书编号 GD2021-001')
    expect(listTrainingRecords(w.app).find((r) => r.id === li.id)?.certificateNo).toBe('GD2021-002')
  })

  it('refuses empty names, unknown classes and unreadable dates with Chinese messages per field', async () => {
    w = await setUp()
    const error = thrown(() => saveTrainingRecord(w.app, { trainee: ' ', certificateNo: 'X1', class: '烹饪班', issuedOn: '去年' }))
    expect(error.code).toBe('invalid-input')
    const problems = (error.details as { problems: { field: string; message: string }[] }).problems
    expect(problems.map((p) => p.field)).toEqual(['trainee', 'class', 'issuedOn'])
    expect(error.message).toContain('姓名不能为空')
    expect(error.message).toContain('无法识别的培训班“烹饪班”')
    expect(error.message).toContain('发证日期“去年”无法识别')
  })

  it('finds a work unit stored with full-width brackets whichever way the query is typed', async () => {
    w = await setUp()
    saveTrainingRecord(w.app, { trainee: '王五', workUnit: '中国移动广州分公司（天河）', certificateNo: 'TH-1', class: 'installation' })
    saveTrainingRecord(w.app, { trainee: '赵六', workUnit: '中国移动广州分公司', certificateNo: 'GZ-2', class: 'installation' })
    expect(listTrainingRecords(w.app).find((r) => r.trainee === '王五')?.workUnit).toBe('中国移动广州分公司（天河）')
    for (const q of ['（天河）', '(天河)', '分公司 (天河', 'ｔｈ－１', 'th-1'])
      expect(listTrainingRecords(w.app, { text: q }).map((r) => r.trainee), q).toEqual(['王五'])
    expect(listTrainingRecords(w.app, { text: '广州分公司' }).map((r) => r.trainee)).toEqual(['王五', '赵六'])
  })

  it('lists with a search over trainee, work unit and certificate number; removes with audit', async () => {
    w = await setUp()
    const zhang = saveTrainingRecord(w.app, ZHANG)
    saveTrainingRecord(w.app, { trainee: '李四', workUnit: '中国电信佛山分公司', certificateNo: 'FS-9', class: 'installation' })
    expect(listTrainingRecords(w.app, { text: '张' }).map((r) => r.trainee)).toEqual(['张三'])
    expect(listTrainingRecords(w.app, { text: '佛山' }).map((r) => r.trainee)).toEqual(['李四'])
    expect(listTrainingRecords(w.app, { text: 'gd2021' }).map((r) => r.trainee)).toEqual(['张三'])
    expect(listTrainingRecords(w.app, { text: '100%' })).toEqual([])

    expect(removeTrainingRecords(w.app, [zhang.id])).toBe(1)
    expect(listTrainingRecords(w.app).map((r) => r.trainee)).toEqual(['李四'])
    expect(queryAudit(w.app.db, { entity: 'training', action: 'delete', limit: 5 }).map((e) => e.summary)).toEqual([
      '删除培训记录 张三（证书编号 GD2021-001，营业厅星级评定培训班）',
    ])
    expect(() => removeTrainingRecords(w.app, [zhang.id])).toThrow(/找不到编号为 \d+ 的培训记录/)
  })
})

describe('a site’s claimed certificates', () => {
  it('links each claimed number to its record or null, and says whether the class counts for the site type', async () => {
    w = await setUp()
    saveTrainingRecord(w.app, ZHANG) // hall class: accepted for a hall
    saveTrainingRecord(w.app, { trainee: '王五', certificateNo: 'ZW-7', class: 'installation' }) // not for a hall
    const site = await call<{ id: number }>(w.app, 'sites.create', {
      site: { ...SITE, name: '广州北京路营业厅', certificates: 'gd2021-001、ZW-7；NOPE-1' },
    })
    const { certificates } = certificatesForSite(w.app, site.id)
    expect(certificates.map((c) => [c.certificateNo, c.record?.trainee ?? null, c.classAccepted])).toEqual([
      ['GD2021-001', '张三', true],
      ['ZW-7', '王五', false],
      ['NOPE-1', null, null],
    ])
  })
})

describe('over the contract', () => {
  it('training.save/list/forSite/remove round-trip with typed outputs; a duplicate is a Chinese conflict', async () => {
    w = await setUp()
    const saved = await call<{ id: number; certificateNo: string }>(w.app, 'training.save', { record: ZHANG })
    expect(saved.certificateNo).toBe('GD2021-001')
    const dup = await dispatch(w.app, 'training.save', { record: { ...ZHANG, trainee: '赵六' } })
    expect(dup.ok).toBe(false)
    if (!dup.ok) expect(dup.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('GD2021-001') })

    const listed = await call<{ records: { trainee: string }[] }>(w.app, 'training.list', { text: '张三' })
    expect(listed.records.map((r) => r.trainee)).toEqual(['张三'])

    const site = await call<{ id: number }>(w.app, 'sites.create', { site: { ...SITE, name: '另一营业厅', certificates: ['GD2021-001'] } })
    const forSite = await call<{ certificates: { record: { id: number } | null }[] }>(w.app, 'training.forSite', { siteId: site.id })
    expect(forSite.certificates[0].record?.id).toBe(saved.id)

    expect(await call(w.app, 'training.remove', { ids: [saved.id] })).toEqual({ count: 1 })
    const bad = await dispatch(w.app, 'training.save', { record: { trainee: '张三', class: 'hall' } })
    expect(!bad.ok && bad.error.code).toBe('invalid-input')
  })
})
