import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The same default for the app, the CLI and browser mode, so they all see the same data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir()
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'starsite')
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'starsite')
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'starsite')
}

/** --data beats STARSITE_DATA beats the platform default. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag)
  if (env.STARSITE_DATA) return path.resolve(env.STARSITE_DATA)
  return defaultDataDir(env)
}

export const DATA_SUBDIRS = ['files', 'outputs', 'backups', 'keys', 'logs', 'tmp'] as const

export function ensureDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true })
  for (const sub of DATA_SUBDIRS) fs.mkdirSync(path.join(dir, sub), { recursive: true })
}
