import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { presetForYear } from '../../../src-main/core/campaign/preset'
import type { SiteValues } from '../../../src-main/core/sites/draft'
import { openDatabase, type Db } from '../../../src-main/db/connection'
import { putCampaign } from '../../../src-main/db/repositories/campaigns'
import { SiteRepository, type SiteRow } from '../../../src-main/db/repositories/sites'
import { tempDir } from './tmp'

let db: Db
afterEach(() => db?.close())

function setup(): { repo: SiteRepository; campaignId: number } {
  db = openDatabase(path.join(tempDir(), 'starsite.db'))
  const campaignId = putCampaign(db, presetForYear(2021), '2021-01-01T00:00:00Z', true).id
  return { repo: new SiteRepository(db), campaignId }
}

const VALUES: SiteValues = {
  name: '广州天河 Ｈall',
  type: 'hall',
  enterprise: '中国移动',
  recommender: '中国移动 广东 Company',
  uscc: '91440000719283738X',
  city: '广州市',
  district: '天河区',
  address: '天河路 1 号',
  starLevel: 4,
  manager: '张三',
  phone: '13800138000',
  email: 'a@b.cn',
  staffCount: 12,
  areaSqm: 120.5,
  seats: null,
  certificates: ['GD-001', 'GD-002'],
  highlights: '第一行\n第二行',
  applyDate: '2021-05-06',
  remarks: '',
}

describe('SiteRepository', () => {
  it('insert then get returns every value unchanged, plus code, campaign, status and times', () => {
    const { repo, campaignId } = setup()
    const id = repo.insert(VALUES, { code: 'GD-2021-Y001', campaignId, status: 'pending', now: '2021-05-06T08:00:00Z' })
    expect(repo.get(id)).toEqual({
      ...VALUES,
      id,
      code: 'GD-2021-Y001',
      campaignId,
      status: 'pending',
      createdAt: '2021-05-06T08:00:00Z',
      updatedAt: '2021-05-06T08:00:00Z',
      deletedAt: null,
    })
    expect(repo.getByCode('GD-2021-Y001')?.id).toBe(id)
    expect(repo.get(id + 1)).toBeNull()
    // The comparison keys are stored for duplicate detection: no spaces, half-width, lower case.
    const row = db.prepare('SELECT name_key, recommender_key FROM sites WHERE id = ?').get(id) as Pick<SiteRow, 'name_key' | 'recommender_key'>
    expect(row).toEqual({ name_key: '广州天河hall', recommender_key: '中国移动广东company' })
  })

  it('update rewrites the values and updated_at, keeps code and created_at', () => {
    const { repo, campaignId } = setup()
    const id = repo.insert(VALUES, { code: 'GD-2021-Y001', campaignId, status: 'pending', now: 't1' })
    repo.update(id, { ...VALUES, phone: '02088888888', seats: 30, certificates: [] }, 't2')
    expect(repo.get(id)).toMatchObject({ phone: '02088888888', seats: 30, certificates: [], code: 'GD-2021-Y001', createdAt: 't1', updatedAt: 't2' })
  })

  it('nextCode counts per prefix from 001, and keeps counting past 999', () => {
    const { repo } = setup()
    expect([repo.nextCode('GD-2021-Y'), repo.nextCode('GD-2021-Y'), repo.nextCode('GD-2021-K')]).toEqual([
      'GD-2021-Y001',
      'GD-2021-Y002',
      'GD-2021-K001',
    ])
    db.prepare("UPDATE site_code_counters SET last_value = 998 WHERE prefix = 'GD-2021-Y'").run()
    expect([repo.nextCode('GD-2021-Y'), repo.nextCode('GD-2021-Y')]).toEqual(['GD-2021-Y999', 'GD-2021-Y1000'])
  })

  it('two repositories on one database share the counter (no in-memory numbering)', () => {
    const { repo } = setup()
    const other = new SiteRepository(db)
    expect([repo.nextCode('GD-2021-Z'), other.nextCode('GD-2021-Z'), repo.nextCode('GD-2021-Z')]).toEqual([
      'GD-2021-Z001',
      'GD-2021-Z002',
      'GD-2021-Z003',
    ])
  })

  it('list separates live and deleted sites of a campaign, in insertion order', () => {
    const { repo, campaignId } = setup()
    const ids = ['A', 'B', 'C'].map((n, i) => repo.insert({ ...VALUES, name: n }, { code: `X${i}`, campaignId, status: 'pending', now: 't' }))
    repo.setDeleted(ids[1], 'gone', 't2')
    repo.setStatus(ids[2], 'approved', 't3')
    expect(repo.list(campaignId).map((s) => s.name)).toEqual(['A', 'C'])
    expect(repo.list(campaignId, { deleted: true }).map((s) => [s.name, s.deletedAt])).toEqual([['B', 'gone']])
    expect(repo.get(ids[2])?.status).toBe('approved')
    repo.setDeleted(ids[1], null, 't4')
    expect(repo.list(campaignId)).toHaveLength(3)
  })

  it('reserveCodes gives the same codes as as many nextCode calls, and the counter goes on from there', () => {
    const { repo } = setup()
    expect(repo.nextCode('GD-2021-Y')).toBe('GD-2021-Y001')
    expect(repo.reserveCodes('GD-2021-Y', 3)).toEqual(['GD-2021-Y002', 'GD-2021-Y003', 'GD-2021-Y004'])
    expect(repo.reserveCodes('GD-2021-K', 2)).toEqual(['GD-2021-K001', 'GD-2021-K002'])
    expect(repo.reserveCodes('GD-2021-K', 0)).toEqual([])
    expect(repo.nextCode('GD-2021-Y')).toBe('GD-2021-Y005')
    expect(repo.nextCode('GD-2021-K')).toBe('GD-2021-K003')
  })

  it('insertMany stores rows exactly as insert does, ids ascending in the order given, across batches', () => {
    const { repo, campaignId } = setup()
    const meta = { campaignId, status: 'pending' as const, now: '2021-05-06T08:00:00Z' }
    const rows = Array.from({ length: 123 }, (_, i) => ({ values: { ...VALUES, name: `${VALUES.name}${i}` }, code: `GD-2021-Y${String(i + 1).padStart(3, '0')}` }))
    const ids = repo.insertMany(rows, meta)
    expect(ids.size).toBe(123)
    const ordered = rows.map((r) => ids.get(r.code)!)
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b))
    const single = repo.insert({ ...VALUES, name: '单条' }, { ...meta, code: 'GD-2021-Y999' })
    expect(single).toBe(ordered[122] + 1)
    const rowOf = (id: number) => {
      const { id: _id, code: _code, name: _name, name_key: _key, ...rest } = db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as SiteRow
      return rest
    }
    for (const [i, r] of rows.entries()) {
      expect(repo.get(ordered[i])).toMatchObject({ ...r.values, code: r.code, campaignId, status: 'pending' })
      expect(rowOf(ordered[i])).toEqual(rowOf(single))
    }
  })
})
