/**
 * Who may talk to the browser-mode server: only pages we served, on this machine. A per-start token proves
 * the caller saw our printed URL; the Host check defeats DNS rebinding; the Origin check refuses other
 * local pages (a web page in the same browser can send requests to loopback, but cannot forge these).
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const TOKEN_HEADER = 'x-starsite-token'
export const TOKEN_COOKIE = 'starsite_token'

export function sameSecret(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string') return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase())
}

/** No Origin (same-origin GET, curl) is fine; a present Origin must be ours. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  return [...allowedHosts(port)].some((h) => origin === `http://${h}`)
}

export function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === TOKEN_COOKIE) return v.join('=')
  }
  return undefined
}

export function headerToken(req: IncomingMessage): string | undefined {
  const value = req.headers[TOKEN_HEADER]
  return typeof value === 'string' ? value : undefined
}
