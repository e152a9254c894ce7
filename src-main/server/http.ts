import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Envelope, ErrorShape } from '../api/define'

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'"

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

const STATUS_BY_CODE: Record<string, number> = {
  'invalid-input': 400,
  forbidden: 403,
  'not-found': 404,
  'unknown-operation': 404,
  'not-initialised': 409,
  conflict: 409,
  'wrong-role': 409,
  cancelled: 409,
  internal: 500,
}

export function statusFor(envelope: Envelope<unknown>): number {
  return envelope.ok ? 200 : (STATUS_BY_CODE[envelope.error.code] ?? 422)
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': data.length,
    'Cache-Control': 'no-store',
  })
  res.end(data)
}

export function sendError(res: ServerResponse, status: number, error: ErrorShape): void {
  // After refusing a body we do not want to keep reading it: close once the answer is out.
  if (status === 413) res.setHeader('Connection', 'close')
  sendJson(res, status, { ok: false, error })
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly shape: ErrorShape,
  ) {
    super(shape.message)
  }
}

/** Read a request body up to `limit` bytes; larger bodies are refused before they fill memory. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new BodyError(413, { code: 'invalid-input', message: `请求内容过大（上限 ${Math.round(limit / 1024)} KB）` })
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      // Discard the rest rather than destroying the socket, so the 413 answer still reaches the caller.
      req.resume()
      reject(tooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        chunks.length = 0
        req.resume()
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
