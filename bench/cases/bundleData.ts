/**
 * A data folder with one association, a few sites and `totalMiB` of attachments (pdf and jpg, random bytes,
 * 8 MiB each) written straight into the content store: what the bundle benches build from. Shared by the
 * timing cases and the memory child process.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { insertAttachment, putStoredFile } from '../../src-main/db/repositories/attachments'
import { storedPath } from '../../src-main/services/attachments/store'
import { openApp } from '../../src-main/services/context'
import { saveAssociation } from '../../src-main/services/settings/association'
import { createSite } from '../../src-main/services/sites/sites'

const FILE_MIB = 8

export function makeBundleData(totalMiB: number): { dataDir: string; files: string[] } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-bench-bundle-'))
  const app = openApp({ dataDir, actor: 'bench' })
  try {
    saveAssociation(app, { name: '广东省通信行业协会', shortName: '粤通协', province: '广东省' }, 2021)
    const sites = [0, 1, 2, 3].map((i) =>
      createSite(app, {
        name: `广州天河营业厅${i}`, type: '营业厅', enterprise: '中国移动', recommender: '中国移动通信集团广东有限公司',
        uscc: '91440000719283738L', city: '广州市', address: `天河路 ${i} 号`, starLevel: 4, manager: '张三',
        phone: '13800138000', applyDate: '2021-05-06', areaSqm: 300,
      }),
    )
    const block = randomBytes(1024 * 1024)
    const files: string[] = []
    for (let f = 0; f < totalMiB / FILE_MIB; f++) {
      const ext = f % 2 ? 'jpg' : 'pdf'
      const hash = createHash('sha256')
      const tmp = path.join(dataDir, 'tmp', `bench-${f}`)
      const fd = fs.openSync(tmp, 'w')
      for (let m = 0; m < FILE_MIB; m++) {
        block.writeUInt32LE(f * 1000 + m, 0)
        if (ext === 'jpg' && m === 0) block.set([0xff, 0xd8, 0xff, 0xe0], 0)
        hash.update(block)
        fs.writeSync(fd, block)
      }
      fs.closeSync(fd)
      const sha = hash.digest('hex')
      const target = storedPath(dataDir, sha)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.renameSync(tmp, target)
      putStoredFile(app.db, sha, FILE_MIB << 20, app.now())
      const site = sites[f % sites.length]
      insertAttachment(app.db, { siteId: site.id, kind: ext === 'jpg' ? 'photo' : 'other', sha256: sha, originalName: `f${f}.${ext}`, ext, size: FILE_MIB << 20, mime: 'application/octet-stream' }, app.now())
      files.push(target)
    }
    app.db.prepare('DELETE FROM findings').run() // the bench measures packing, not the checks
    return { dataDir, files }
  } finally {
    app.close()
  }
}
