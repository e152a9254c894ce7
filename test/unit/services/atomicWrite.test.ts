/** services/files/atomicWrite.ts on a real disk: what is left after success, failure and a dead writer. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanupStalePartials, createPartial, writeFileAtomic, writeNewFileAtomic } from '../../../src-main/services/files/atomicWrite'
import { tempDir } from '../../helpers/tmp'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})

function dirs() {
  const data = tempDir('starsite-atomic-data-')
  const out = tempDir('starsite-atomic-out-')
  cleanups.push(data.cleanup, out.cleanup)
  return { dataDir: data.dir, outDir: out.dir }
}

const markers = (dataDir: string) => (fs.existsSync(path.join(dataDir, 'tmp')) ? fs.readdirSync(path.join(dataDir, 'tmp')) : [])

describe('atomic writes', () => {
  it('replaces the target and leaves neither partial nor marker', () => {
    const { dataDir, outDir } = dirs()
    const target = path.join(outDir, '报告.xlsx')
    writeFileAtomic(dataDir, target, 'first')
    writeFileAtomic(dataDir, target, Buffer.from('second'))
    expect(fs.readFileSync(target, 'utf8')).toBe('second')
    expect(fs.readdirSync(outDir)).toEqual(['报告.xlsx'])
    expect(markers(dataDir)).toEqual([])
  })

  it('never replaces with writeNewFileAtomic: the file that was there first stays', () => {
    const { dataDir, outDir } = dirs()
    const target = path.join(outDir, 'key.pem')
    expect(writeNewFileAtomic(dataDir, target, 'mine', { mode: 0o600 })).toBe(true)
    expect(writeNewFileAtomic(dataDir, target, 'theirs')).toBe(false)
    expect(fs.readFileSync(target, 'utf8')).toBe('mine')
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(outDir)).toEqual(['key.pem'])
    expect(markers(dataDir)).toEqual([])
  })

  it('a failed rename throws and leaves what was there, without partial or marker', () => {
    const { dataDir, outDir } = dirs()
    const target = path.join(outDir, 'taken')
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true })
    expect(() => writeFileAtomic(dataDir, target, 'x')).toThrow()
    expect(fs.statSync(target).isDirectory()).toBe(true)
    expect(fs.readdirSync(outDir)).toEqual(['taken'])
    expect(markers(dataDir)).toEqual([])
  })

  it('the next start removes a dead writer’s partial wherever it was, and keeps a live one', () => {
    const { dataDir, outDir } = dirs()
    const live = createPartial(dataDir, path.join(outDir, 'live.docx'))
    fs.writeFileSync(live.path, 'in progress')
    // A dead writer: same names, a pid that no longer exists.
    const deadPid = 2 ** 22 + 12345
    const deadPartial = path.join(outDir, `.dead.docx.partial-${deadPid}-0badc0de`)
    fs.writeFileSync(deadPartial, 'half')
    fs.writeFileSync(path.join(dataDir, 'tmp', `partial-${deadPid}-0badc0de.json`), JSON.stringify({ path: deadPartial }))
    // A marker cannot make the cleanup delete a file that is not one of our partials.
    const precious = path.join(outDir, 'precious.docx')
    fs.writeFileSync(precious, 'keep')
    fs.writeFileSync(path.join(dataDir, 'tmp', `partial-${deadPid}-0badf00d.json`), JSON.stringify({ path: precious }))

    expect(cleanupStalePartials(dataDir)).toEqual([deadPartial])
    expect(fs.readdirSync(outDir).sort()).toEqual([path.basename(live.path), 'precious.docx'].sort())
    expect(markers(dataDir)).toHaveLength(1)
    live.commit(path.join(outDir, 'live.docx'))
    expect(fs.readFileSync(path.join(outDir, 'live.docx'), 'utf8')).toBe('in progress')
    expect(markers(dataDir)).toEqual([])
  })
})
