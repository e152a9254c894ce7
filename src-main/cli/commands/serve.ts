import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CommandFailure, type Command } from '../command'

/**
 * The built renderer: <repo>/out/web, three levels above this file (src-main/cli/commands). STARSITE_WEB_DIR
 * overrides it for packaged builds, whose layout differs, and for tests, which must not touch out/.
 */
export function defaultStaticDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STARSITE_WEB_DIR) return path.resolve(env.STARSITE_WEB_DIR)
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'out', 'web')
}

/** Best effort: a missing xdg-open or a headless machine must not stop the server, the URL is printed anyway. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true, windowsHide: true })
    child.on('error', () => {})
    child.unref()
  } catch {
    // Ignored on purpose: opening the browser is a convenience.
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: '浏览器模式：在本机启动服务并打印访问地址（按 Ctrl+C 停止）',
  synopsis: 'serve [--port N] [--open]',
  options: {
    port: { type: 'integer', label: '端口', valueName: 'N', min: 0, max: 65535, description: '监听端口（默认自动选择空闲端口），仅绑定 127.0.0.1' },
    open: { type: 'boolean', label: '打开浏览器', description: '启动后尝试用系统浏览器打开' },
  },
  notes: ['需要先构建界面：npm run build:renderer', '地址中包含本次启动的访问口令，请勿发给他人。'],
  async run({ options, out, openSession, stopSignal }) {
    const port = options.port as number | undefined
    const staticDir = defaultStaticDir()
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      throw new CommandFailure({
        code: 'not-built',
        message: `找不到界面文件 ${path.join(staticDir, 'index.html')}：请先运行 npm run build:renderer 构建界面，再启动浏览器模式`,
      })
    }
    // A session, not a province context: an office folder is served as the office, and a new folder may
    // become the office's on the first run.
    const session = openSession()
    // Loaded only here: the HTTP bridge is not needed (nor loaded) by the other commands.
    const { startServer } = await import('../../server/server')
    const server = await startServer({ session, port, staticDir }).catch((error: unknown) => {
      if ((error as { code?: unknown })?.code === 'EADDRINUSE')
        throw new CommandFailure({ code: 'port-in-use', message: `端口 ${port} 已被其他程序占用：请换一个端口，或省略 --port 自动选择` })
      throw error
    })
    try {
      out.data(server.url)
      out.document({ url: server.url })
      out.info('浏览器模式已启动。地址中含访问口令，请勿外传；按 Ctrl+C 停止。')
      if (options.open) openBrowser(server.url)
      const signal = await stopSignal()
      out.info(`收到 ${signal}，正在停止……`)
    } finally {
      await server.close()
    }
    out.info('已停止。')
    return 0
  },
}
