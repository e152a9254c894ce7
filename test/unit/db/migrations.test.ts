import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/core/errors'
import { APPLICATION_ID, openDatabase, schemaVersion } from '../../../src-main/db/connection'
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../src-main/db/migrations'
import { tempDir } from './tmp'

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('migrations', () => {
  it('the list is numbered 1..n without gaps, and LATEST_VERSION is its last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_VERSION).toBe(MIGRATIONS.length)
  })

  it('a new file is marked as ours and brought to the latest version', () => {
    const file = path.join(tempDir(), 'starsite.db')
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(tables(db)).toEqual(expect.arrayContaining(['association', 'campaigns', 'sites', 'audit_log', 'migrations']))
    db.close()
  })

  it('a version-1 file is upgraded to the latest version, keeping its data', () => {
    const file = path.join(tempDir(), 'starsite.db')
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) })
    expect(schemaVersion(old)).toBe(1)
    old
      .prepare("INSERT INTO association (id, name, short_name, province, updated_at) VALUES (1, '广东省通信行业协会', '粤通协', '广东', 'x')")
      .run()
    old.close()

    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.prepare('SELECT COUNT(*) AS n FROM migrations').get()).toEqual({ n: LATEST_VERSION })
    expect(db.prepare('SELECT short_name FROM association').get()).toEqual({ short_name: '粤通协' })
    db.close()
  })

  it('reopening an up-to-date file applies nothing again', () => {
    const file = path.join(tempDir(), 'starsite.db')
    openDatabase(file).close()
    const db = openDatabase(file)
    expect(db.prepare('SELECT COUNT(*) AS n FROM migrations').get()).toEqual({ n: LATEST_VERSION })
    db.close()
  })

  // A fake two-step history proves the mechanism independently of how many real migrations exist today.
  const step1: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER);' }
  const step2ok: Migration = { version: 2, name: 'two', sql: 'CREATE TABLE two (y INTEGER); CREATE TABLE three (z INTEGER);' }
  const step2bad: Migration = {
    version: 2,
    name: 'two',
    // Two tables are created before the statement that fails: they must not survive.
    sql: 'CREATE TABLE two (y INTEGER); CREATE TABLE three (z INTEGER); INSERT INTO no_such_table VALUES (1);',
  }

  it('each step runs in its own transaction: a failing step 2 leaves version 1 and no partial tables', () => {
    const file = path.join(tempDir(), 'fake.db')
    expect(() => openDatabase(file, { migrations: [step1, step2bad] })).toThrow(/no_such_table/)
    const raw = new Database(file, { readonly: true })
    expect(schemaVersion(raw)).toBe(1)
    expect(tables(raw)).toEqual(['migrations', 'one'])
    raw.close()

    // The fixed step applies cleanly afterwards.
    const db = openDatabase(file, { migrations: [step1, step2ok] })
    expect(schemaVersion(db)).toBe(2)
    expect(tables(db)).toEqual(['migrations', 'one', 'three', 'two'])
    db.close()
  })

  it('migrate: false opens an old file without upgrading it', () => {
    const file = path.join(tempDir(), 'fake.db')
    openDatabase(file, { migrations: [step1] }).close()
    const db = openDatabase(file, { migrations: [step1, step2ok], migrate: false })
    expect(schemaVersion(db)).toBe(1)
    db.close()
  })
})

describe('refusing files that are not ours to change', () => {
  it('a database marked newer is refused with db-too-new in Chinese, and the file is left as it was', () => {
    const dir = tempDir()
    const file = path.join(dir, 'starsite.db')
    const db = openDatabase(file)
    db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')").run()
    db.close()
    const bytes = fs.readFileSync(file)
    const mtime = fs.statSync(file).mtimeMs

    const error = thrown(() => openDatabase(file))
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('db-too-new')
    expect((error as AppError).message).toContain('数据文件由更新版本的程序创建')
    expect((error as AppError).message).toContain('999')
    expect((error as AppError).details).toEqual({ version: 999, supported: LATEST_VERSION })

    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
    expect(fs.statSync(file).mtimeMs).toBe(mtime)
    // No rows were added either: the newer program's history is intact.
    const raw = new Database(file, { readonly: true })
    expect(raw.prepare('SELECT MAX(version) AS v, COUNT(*) AS n FROM migrations').get()).toEqual({ v: 999, n: LATEST_VERSION + 1 })
    raw.close()
  })

  it('a SQLite file of another program (tables, no starsite mark) is refused with db-not-starsite', () => {
    const file = path.join(tempDir(), 'other.db')
    const raw = new Database(file)
    raw.pragma('journal_mode = WAL')
    raw.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('甲')")
    raw.close()
    const bytes = fs.readFileSync(file)

    const error = thrown(() => openDatabase(file))
    expect((error as AppError).code).toBe('db-not-starsite')
    expect((error as AppError).message).toContain('不是本系统的数据文件')
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
    const again = new Database(file, { readonly: true })
    expect(tables(again)).toEqual(['customers'])
    again.close()
  })

  // Switching to WAL rewrites the header (bytes 18-19): a refused file must be left exactly as it was.
  it('a refused rollback-journal file is not converted to WAL', () => {
    const file = path.join(tempDir(), 'other.db')
    const raw = new Database(file)
    raw.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    raw.close()
    const bytes = fs.readFileSync(file)
    expect(() => openDatabase(file)).toThrow(AppError)
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
  })

  it('an empty file (0 bytes) is fine to take over: nothing there to protect', () => {
    const file = path.join(tempDir(), 'starsite.db')
    fs.writeFileSync(file, '')
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    db.close()
  })
})
