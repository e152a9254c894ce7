/**
 * The core in a real Node child process (entry.ts under tsx, structured-clone IPC: the message shapes a
 * utility process gets), driven by the real main-side client, on a real data folder.
 */
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Envelope, JobEventShape } from '../../../src-main/api/define'
import { CoreClient } from '../../../src-main/relay/client'
import { forkNodeCore } from '../../../src-main/relay/nodeCore'
import { openApp } from '../../../src-main/services/context'
import { createSite } from '../../../src-main/services/sites/sites'
import { draft, setUpGuangdong } from '../services/helpers'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')

export interface RelayedCore {
  client: CoreClient
  /** Every child process started so far, the current one last (a restart adds one). */
  children: ChildProcess[]
  events: JobEventShape[]
  stop(): Promise<void>
}

export function relayedCore(dataDir: string): RelayedCore {
  const children: ChildProcess[] = []
  const client = new CoreClient(() => {
    const { child, core } = forkNodeCore({ execArgv: ['--import', 'tsx'], cwd: ROOT })
    children.push(child)
    return core
  }, dataDir)
  const events: JobEventShape[] = []
  client.onJobEvent((e) => events.push(e))
  return {
    client,
    children,
    events,
    async stop() {
      await client.close()
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    },
  }
}

/**
 * A data folder with `sites` sites of Guangdong 2021, each with `perSite` attachments whose stored files are
 * real (`bytes` each), so a deep check hashes them one by one with progress.
 */
export function seedDataDir(dir: string, sites: number, perSite: number, bytes = 4096): void {
  const app = openApp({ dataDir: dir, actor: '测试员' })
  try {
    setUpGuangdong(app)
    const now = app.now()
    const putFile = app.db.prepare('INSERT INTO stored_files (sha256, size, created_at) VALUES (?, ?, ?)')
    const putAttachment = app.db.prepare(
      `INSERT INTO attachments (site_id, kind, sha256, original_name, ext, size, mime, added_at)
       VALUES (?, 'photo', ?, 'photo.pdf', 'pdf', ?, 'application/pdf', ?)`,
    )
    let n = 0
    for (let i = 0; i < sites; i++) {
      const site = createSite(app, draft({ name: `测试营业厅 ${i + 1}` }))
      app.db.transaction(() => {
        for (let k = 0; k < perSite; k++) {
          const body = Buffer.alloc(bytes, `%PDF-1.4 relay ${n++} `)
          const sha = createHash('sha256').update(body).digest('hex')
          const folder = path.join(dir, 'files', sha.slice(0, 2))
          fs.mkdirSync(folder, { recursive: true })
          fs.writeFileSync(path.join(folder, sha), body)
          putFile.run(sha, body.length, now)
          putAttachment.run(site.id, sha, body.length, now)
        }
      })()
    }
  } finally {
    app.close()
  }
}

export function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected a value, got ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

export function errorOf(envelope: Envelope<unknown>): { code: string; message: string } {
  if (envelope.ok) throw new Error(`expected an error, got ${JSON.stringify(envelope.value).slice(0, 200)}`)
  return envelope.error
}

/** Resolves with the first job event that matches. */
export function nextEvent(core: RelayedCore, match: (e: JobEventShape) => boolean): Promise<JobEventShape> {
  return new Promise((resolve) => {
    const seen = core.events.find(match)
    if (seen) return resolve(seen)
    const off = core.client.onJobEvent((e) => {
      if (match(e)) {
        off()
        resolve(e)
      }
    })
  })
}
