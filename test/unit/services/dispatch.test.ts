import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import type { JobEvent } from '../../../src-main/services/jobs'
import type { AppContext } from '../../../src-main/services/context'
import { draft, freshApp, setUpGuangdong } from './helpers'

let app: AppContext
afterEach(() => app?.close())

type Problems = { problems: { field: string; message: string }[] }

describe('dispatch', () => {
  it('an unknown operation is unknown-operation, never a throw', async () => {
    app = freshApp()
    const r = await dispatch(app, 'sites.explode', {})
    expect(r).toEqual({ ok: false, error: { code: 'unknown-operation', message: '未知的操作：sites.explode' } })
    const notString = await dispatch(app, 42, {})
    expect(notString.ok || notString.error.code).toBe('unknown-operation')
  })

  it('input that fails the schema is invalid-input with problems naming the field', async () => {
    app = freshApp()
    const r = await dispatch(app, 'sites.get', { id: 'abc' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-input')
    expect((r.error.details as Problems).problems).toEqual([expect.objectContaining({ field: 'id' })])
    expect(r.error.message).toMatch(/^输入有误：id：/)

    const extra = await dispatch(app, 'sites.create', { site: { ...draft(), colour: 'red' } })
    expect(!extra.ok && extra.error.code).toBe('invalid-input')
    expect(!extra.ok && extra.error.message).toContain('colour')
  })

  it('input the domain cannot read is invalid-input with problems from the reader', async () => {
    app = freshApp()
    setUpGuangdong(app)
    const r = await dispatch(app, 'sites.create', { site: draft({ uscc: '', applyDate: '2021-02-30' }) })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid-input')
    const problems = (r.error.details as Problems).problems
    expect(problems.map((p) => p.field).sort()).toEqual(['applyDate', 'uscc'])
    expect(problems.find((p) => p.field === 'uscc')!.message).toBe('统一社会信用代码不能为空')
  })

  it('a good call returns the value validated by the output schema', async () => {
    app = freshApp()
    setUpGuangdong(app)
    const r = await dispatch(app, 'sites.create', { site: draft() })
    expect(r.ok && (r.value as { code: string }).code).toBe('GD-2021-Y001')
    const list = await dispatch(app, 'sites.list', {})
    expect(list.ok && (list.value as { sites: unknown[] }).sites).toHaveLength(1)
  })

  it('a job reports progress under its job id and ends with done = total', async () => {
    app = freshApp()
    const events: JobEvent[] = []
    const unsubscribe = app.jobs.subscribe((e) => events.push(e))
    const r = await dispatch(app, 'maintenance.checkData', {}, { jobId: 'check-0001' })
    unsubscribe()
    expect(r.ok).toBe(true)
    const value = (r as { value: { ok: boolean; tables: { name: string }[] } }).value
    expect(value.ok).toBe(true)
    expect(value.tables.map((t) => t.name)).toContain('sites')

    expect(events.length).toBeGreaterThanOrEqual(2)
    expect(new Set(events.map((e) => e.jobId))).toEqual(new Set(['check-0001']))
    expect(events[0]).toMatchObject({ phase: 'integrity', done: 0 })
    const last = events.at(-1)!
    expect(last.phase).toBe('tables')
    expect(last.done).toBe(last.total)
    expect(app.jobs.size).toBe(0)
  })

  it('a running job is cancelled through jobs.cancel and reports cancelled; nothing is left running', async () => {
    app = freshApp()
    const events: JobEvent[] = []
    app.jobs.subscribe((e) => events.push(e))
    // The job yields to the event loop between tables, so a cancel issued after it started (as IPC or HTTP
    // would, on a later turn) reaches it before it finishes: this is the "tiny wait", made deterministic.
    const running = dispatch(app, 'maintenance.checkData', {}, { jobId: 'check-0002' })
    expect(app.jobs.size).toBe(1)
    const cancel = await dispatch(app, 'jobs.cancel', { jobId: 'check-0002' })
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } })

    const r = await running
    expect(r).toEqual({ ok: false, error: { code: 'cancelled', message: '任务已取消，未做任何更改' } })
    expect(events.some((e) => e.phase === 'tables' && e.done === e.total)).toBe(false)
    expect(app.jobs.size).toBe(0)
    expect(await dispatch(app, 'jobs.cancel', { jobId: 'check-0002' })).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('two jobs with the same id at once: the second is a conflict', async () => {
    app = freshApp()
    const first = dispatch(app, 'maintenance.checkData', {}, { jobId: 'check-0003' })
    const second = await dispatch(app, 'maintenance.checkData', {}, { jobId: 'check-0003' })
    expect(!second.ok && second.error.code).toBe('conflict')
    expect((await first).ok).toBe(true)
  })

  it('a bad job id is invalid input', async () => {
    app = freshApp()
    const r = await dispatch(app, 'jobs.cancel', { jobId: 'x' })
    expect(!r.ok && r.error.code).toBe('invalid-input')
  })
})
