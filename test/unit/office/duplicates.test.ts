import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOfficeDuplicates, pairKey } from '../../../src-main/core/office/duplicates'
import { updateSite } from '../../../src-main/services/sites/sites'
import { listDuplicates, resolveDuplicate } from '../../../src-main/services/office/duplicates'
import { addKey } from '../../../src-main/services/office/keys'
import { receive } from '../../../src-main/services/office/receive'
import { listRegister } from '../../../src-main/services/office/register'
import { runCli } from '../cli/run'
import { changeStarLevel, newOffice, province, tempDir } from './helpers'

const site = (province: string, code: string, name: string, city: string, address: string, uscc = '') => ({ province, code, name, city, address, uscc })

describe('office: duplicate pairs (core)', () => {
  it('pairs within and across provinces by USCC+address, name in a city (half-width), and address; nothing else', () => {
    const sites = [
      site('广东省', 'GD-001', '天河营业厅（新址）', '广州市', '广州市天河区天河路1号', '91440000719283738L'),
      site('广东省', 'GD-002', '天河营业厅(新址)', '广州', '广州市天河区天河路2号'),
      site('浙江省', 'ZJ-001', '西湖营业厅', '杭州市', '广州市 天河区 天河路 1 号。', '91440000719283738l'),
      site('浙江省', 'ZJ-002', '天河营业厅(新址)', '杭州市', '杭州市西湖区文三路8号'),
      site('浙江省', 'ZJ-003', '文三营业厅', '杭州市', '杭州市西湖区文三路9号', '91440000719283738L'),
    ]
    const pairs = findOfficeDuplicates(sites)
    expect(pairs.map((p) => [p.a.code, p.b.code, p.reasons])).toEqual([
      ['GD-001', 'GD-002', ['name-city']],
      ['GD-001', 'ZJ-001', ['uscc-address', 'address']],
    ])
    // The identity is the sorted 省份:编号 of both sides, whatever order they come in.
    expect(pairs[1].key).toBe(pairKey(sites[2], sites[0]))
    expect(findOfficeDuplicates([...sites].reverse()).map((p) => p.key)).toEqual(pairs.map((p) => p.key))
  })

  it('a group of three sharing an address is three pairs; empty keys pair nothing', () => {
    const sites = ['A', 'B', 'C'].map((c) => site('广东省', c, `${c}厅`, '广州市', '广州市某路1号'))
    sites.push(site('广东省', 'D', '', '', ''), site('浙江省', 'E', '', '', ''))
    expect(findOfficeDuplicates(sites).map((p) => `${p.a.code}${p.b.code}`)).toEqual(['AB', 'AC', 'BC'])
  })
})

describe('office: duplicate pairs (register)', () => {
  it('lists a cross-province pair side by side, resolves it, keeps the resolution across a re-sent bundle', async () => {
    const gd = await province('广东')
    const zj = await province('浙江')
    // 浙江's second site is filed at 广东's first site's address (same USCC in these fixtures).
    zj.drafts[1] = { ...zj.drafts[1], address: String(gd.drafts[0].address) }
    updateSite(zj.app, zj.siteIds[1], zj.drafts[1])
    const office = newOffice()
    addKey(office, { province: '广东', file: gd.publicKeyFile })
    addKey(office, { province: '浙江', file: zj.publicKeyFile })
    const drop = tempDir('starsite-drop-')
    await gd.bundle(path.join(drop, '1_广东.zip'))
    await zj.bundle(path.join(drop, '2_浙江.zip'))
    expect((await receive(office, [drop])).map((o) => o.status)).toEqual(['ingested', 'ingested'])

    const pairs = listDuplicates(office)
    expect(pairs).toHaveLength(1)
    const [p] = pairs
    expect([p.a.province, p.a.name, p.b.province, p.b.name]).toEqual(['广东省', '广东一号营业厅', '浙江省', '浙江二号营业厅'])
    expect(p.a.address).toBe(p.b.address)
    expect(p.a.uscc).toBe('91440000719283738L')
    expect(p.a.city).toBe('广州市')
    expect(p.reasons).toEqual(['uscc-address', 'address'])
    expect(p.resolution).toBeNull()

    // A duplicate needs a reason; a site not in the register, or two sites that are no pair, are refused.
    expect(() => resolveDuplicate(office, { a: `广东:${p.a.code}`, b: `浙江:${p.b.code}`, as: 'duplicate' })).toThrow('理由')
    expect(() => resolveDuplicate(office, { a: `广东:${p.a.code}`, b: '浙江:ZJ-2021-X999', as: 'distinct' })).toThrow('没有浙江省的现场')
    const zjFirst = listRegister(office, { province: '浙江' }).find((s) => s.name === '浙江一号营业厅')!
    expect(() => resolveDuplicate(office, { a: `广东:${p.a.code}`, b: `浙江:${zjFirst.code}`, as: 'distinct' })).toThrow('不是疑似重复')
    expect(listDuplicates(office)[0].resolution).toBeNull()

    const r = resolveDuplicate(office, { a: `浙江省：${p.b.code}`, b: `广东:${p.a.code}`, as: 'duplicate', reason: '同一营业厅两省重复申报' })
    expect(r.resolution).toMatchObject({ as: 'duplicate', reason: '同一营业厅两省重复申报', resolvedBy: '推进办' })

    // 浙江 re-sends (a changed star level): new register rows, the resolution still applies by province and code.
    changeStarLevel(zj, 0, 4)
    const again = await receive(office, [await zj.bundle(path.join(tempDir('starsite-zj2-'), '浙江_2.zip'))])
    expect(again[0].status).toBe('ingested')
    const after = listDuplicates(office)
    expect(after).toHaveLength(1)
    expect(after[0].resolution).toMatchObject({ as: 'duplicate', reason: '同一营业厅两省重复申报' })

    // Marking it distinct later replaces the earlier resolution; codes unique nationally may be given bare.
    resolveDuplicate(office, { a: p.a.code, b: p.b.code, as: 'distinct' })
    expect(listDuplicates(office)[0].resolution).toMatchObject({ as: 'distinct', reason: '' })

    // The CLI shows the same pairs (--json) and resolves them.
    office.close()
    const cli = (args: string[]) => {
      const res = runCli(['--data', office.dataDir, 'office', ...args, '--json'])
      return { status: res.status, doc: res.stdout ? JSON.parse(res.stdout) : null, stderr: res.stderr }
    }
    const listed = cli(['duplicates'])
    expect(listed.status).toBe(0)
    expect(listed.doc.pairs).toHaveLength(1)
    expect(listed.doc.pairs[0]).toMatchObject({ a: { province: '广东省', code: p.a.code }, b: { province: '浙江省', code: p.b.code }, reasons: ['uscc-address', 'address'], resolution: { as: 'distinct' } })
    const resolved = cli(['duplicates', 'resolve', `广东:${p.a.code}`, `浙江:${p.b.code}`, '--as', 'duplicate', '--reason', '复核后确认重复'])
    expect(resolved.status).toBe(0)
    expect(resolved.doc.pair.resolution).toMatchObject({ as: 'duplicate', reason: '复核后确认重复' })
    expect(cli(['duplicates', 'resolve', `广东:${p.a.code}`, `浙江:${p.b.code}`, '--as', 'maybe']).status).toBe(2)
    expect(cli(['duplicates', '--as', 'duplicate']).status).toBe(2)
    expect(cli(['duplicates']).doc.pairs[0].resolution.reason).toBe('复核后确认重复')
  })
})
