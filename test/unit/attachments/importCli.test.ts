/**
 * `starsite import ROSTER.xlsx --attachments DIR` as a real child process: the roster goes in, then each
 * sub-folder's files are attached to the site named by the folder; unmatched folders are reported; a typo in
 * the folder path stops everything before the roster changes anything.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src-main/api/dispatch'
import { openApp } from '../../../src-main/services/context'
import { fillTemplate, validSite } from '../../fixtures/roster/sites'
import { runCli } from '../cli/run'
import { tempDir } from '../../helpers/tmp'
import { bytes, write } from './setup'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

async function prepare(): Promise<{ dataDir: string; roster: string; folder: string; names: string[] }> {
  const data = tempDir('starsite-impatt-')
  const inbox = tempDir('starsite-impatt-in-')
  cleanups.push(data.cleanup, inbox.cleanup)
  const app = openApp({ dataDir: data.dir, actor: '测试员' })
  try {
    const saved = await dispatch(app, 'settings.saveAssociation', {
      association: { name: '广东省通信行业协会', shortName: '粤通协', province: '广东' },
      year: 2021,
    })
    expect(saved.ok).toBe(true)
    const template = path.join(inbox.dir, 'template.xlsx')
    expect((await dispatch(app, 'roster.template', { outPath: template })).ok).toBe(true)
    const rows = [validSite(0), validSite(1)]
    const roster = path.join(inbox.dir, 'roster.xlsx')
    await fillTemplate(template, rows, roster)
    return { dataDir: data.dir, roster, folder: path.join(inbox.dir, '附件'), names: rows.map((r) => String(r.name)) }
  } finally {
    app.close()
  }
}

describe('starsite import --attachments', () => {
  it('imports the roster, then the folder; --json carries both and lists the unmatched folder', async () => {
    const { dataDir, roster, folder, names } = await prepare()
    write(folder, `${names[0]}/推荐函.pdf`, bytes.pdf('a'))
    write(folder, `${names[0]}/门头.png`, bytes.png())
    write(folder, `${names[1]}/自评报告.docx`, bytes.docx())
    write(folder, '错别字现场/推荐函.pdf', bytes.pdf('b'))

    const r = runCli(['--data', dataDir, 'import', roster, '--attachments', folder, '--json'])
    expect(r.status, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout) as {
      created: number
      attachments: { sites: number; added: number; unmatchedFolders: { path: string; reason: string }[] }
    }
    expect(doc.created).toBe(2)
    expect(doc.attachments).toMatchObject({ sites: 2, added: 3, unmatchedFolders: [{ path: '错别字现场' }] })
    expect(r.stderr).toContain('文件夹“错别字现场”未导入')

    const listed = JSON.parse(runCli(['--data', dataDir, 'list', '--json']).stdout) as {
      sites: { name: string; attachments: { kind: string; originalName: string }[] }[]
    }
    const first = listed.sites.find((s) => s.name === names[0])
    expect(first?.attachments.map((a) => a.kind).sort()).toEqual(['photo', 'superior-letter'])

    // Again: the roster is unchanged and no file is attached twice.
    const again = runCli(['--data', dataDir, 'import', roster, '--attachments', folder, '--json'])
    expect(again.status, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, attachments: { added: 0 } })
  })

  it('a folder that does not exist stops the command before the roster is imported (exit 2)', async () => {
    const { dataDir, roster, folder } = await prepare()
    const r = runCli(['--data', dataDir, 'import', roster, '--attachments', path.join(folder, '没有这个')])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('找不到附件文件夹')
    const listed = JSON.parse(runCli(['--data', dataDir, 'list', '--json']).stdout) as { sites: unknown[] }
    expect(listed.sites).toEqual([])
  })
})
