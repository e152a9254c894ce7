import fs from 'node:fs'
import path from 'node:path'

export interface Log {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/**
 * Appends lines to logs/desktop.log of the data folder. Logging must never take the app down, so write
 * failures are swallowed.
 */
export function fileLog(dataDir: string): Log {
  const file = path.join(dataDir, 'logs', 'desktop.log')
  const write = (level: string, message: string) => {
    try {
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message.replace(/\s+/g, ' ')}\n`)
    } catch {
      // The data folder may be read-only or gone; the app keeps working without its log.
    }
  }
  return {
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m) => write('ERROR', m),
  }
}

export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} }
