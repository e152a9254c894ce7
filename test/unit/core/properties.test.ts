/**
 * Property-based tests (fast-check) for the normalisers and parsers that take what users, workbooks, uploads
 * and received zips hand us, beyond the examples in normalize.test.ts, formats.test.ts and safeName.test.ts:
 * none throws on any input, each returns only well-formed values, the cleaning ones are idempotent, and the
 * path-making ones never produce a name that escapes its folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { EntryNamer, MAX_PATH_CHARS, MAX_SEGMENT_CHARS, safeEntryPath, safeSegment, unsafeEntryReason } from '../../../src-main/core/bundle/names'
import { isIsoDate } from '../../../src-main/core/checks/dates'
import { isValidPhone } from '../../../src-main/core/checks/phone'
import { usccProblem } from '../../../src-main/core/checks/uscc'
import { SAFE_NAME_MAX_BYTES, SAFE_NAME_MAX_LENGTH, safeFileName } from '../../../src-main/core/files/safeName'
import { cellText, plainCellValue } from '../../../src-main/core/roster/cellValue'
import {
  normalizeEmail,
  normalizePhone,
  normalizeUscc,
  parseCertificateList,
  parseDate,
  parseNumber,
  parseSiteType,
  parseStarLevel,
} from '../../../src-main/core/sites/normalize'
import { cleanProse, cleanProseLines, cleanText, nameKey, stripInvisible, toHalfWidth } from '../../../src-main/core/text'
import { resolveStatic } from '../../../src-main/server/static'
import { sanitizeUploadName } from '../../../src-main/server/uploadName'

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069]/
// eslint-disable-next-line no-control-regex
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/
const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[1-9¹²³]|LPT[1-9¹²³])$/i

/** Strings that favour the characters that matter here: separators, dots, controls, bidi, CJK, reserved names. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom('/', '\\', '.', '..', ' ', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001b', '\u007f', '\u009b', '\u202e', '\u200b', '\t', '\n', '\r'),
        fc.constantFrom('CON', 'aux', 'Nul', 'com1', 'LPT9', 'conin$', '.pdf', '.PNG', '.docx', 'C:', '%2e%2e', '%2f', '%5c', '%00', '%c0%ae'),
        fc.constantFrom('推荐函', '营业厅', '广州', '𠀀', 'é', 'e\u0301', '１２３'),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
)
/** Anything a spreadsheet cell or a form field could hand a parser. */
const anyValue = fc.oneof(
  nasty,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.array(nasty, { maxLength: 4 }),
)
/** Plus the object shapes exceljs gives for cells (formula, rich text, hyperlink, error) and arbitrary objects. */
const anyCell = fc.oneof(
  anyValue,
  fc.record({ formula: nasty, result: anyValue }),
  fc.record({ richText: fc.array(fc.record({ text: nasty }), { maxLength: 3 }) }),
  fc.record({ hyperlink: nasty, text: fc.option(nasty) }),
  fc.record({ error: fc.constantFrom('#N/A', '#REF!') }),
  fc.object({ maxDepth: 1 }),
)

describe('text cleaning', () => {
  it('cleanText: never an invisible character, no outer or double whitespace, idempotent', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        const t = cleanText(v)
        expect(t).not.toMatch(INVISIBLE)
        expect(t).toBe(t.trim())
        expect(t).not.toMatch(/\s{2}/)
        expect(cleanText(t)).toBe(t)
      }),
    )
  })

  it('cleanProse: like cleanText, but full-width forms stay as typed; idempotent', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        const t = cleanProse(v)
        expect(t).not.toMatch(INVISIBLE)
        expect(t).toBe(t.trim())
        expect(t).not.toMatch(/\s{2}/)
        expect(cleanProse(t)).toBe(t)
        // Only width tells prose from the cleaned code-like text: half-width of the one is the other.
        expect(cleanText(t)).toBe(cleanText(v))
        expect(toHalfWidth(t).replace(/\s+/g, ' ').trim()).toBe(cleanText(v))
      }),
    )
  })

  it('cleanProseLines: no invisible characters, at most one blank line, idempotent, full-width kept', () => {
    fc.assert(
      fc.property(nasty, (v) => {
        const t = cleanProseLines(v)
        expect(t).not.toMatch(INVISIBLE)
        expect(t).not.toMatch(/\n{3,}/)
        expect(cleanProseLines(t)).toBe(t)
        expect(t.match(/[\uFF01-\uFF5E]/g) ?? []).toEqual(stripInvisible(v).match(/[\uFF01-\uFF5E]/g) ?? [])
      }),
    )
  })

  it('the key of a text is the key of its half-width form, and of the prose stored for it', () => {
    fc.assert(
      fc.property(nasty, (v) => {
        expect(nameKey(v)).toBe(nameKey(toHalfWidth(v)))
        expect(nameKey(cleanProse(v))).toBe(nameKey(v))
        expect(nameKey(cleanProseLines(v).replace(/\n/g, ' '))).toBe(nameKey(v.replace(/[\r\n]/g, ' ')))
      }),
    )
    expect(nameKey('广州天河营业厅（新址）')).toBe(nameKey('广州天河营业厅(新址)'))
  })

  it('stripInvisible only ever removes characters', () => {
    fc.assert(fc.property(nasty, (v) => {
      expect(stripInvisible(v).length).toBeLessThanOrEqual(v.length)
    }))
  })
})

describe('field parsers never throw and return only canonical values', () => {
  it('parseStarLevel: null or an integer 1..7', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const s = parseStarLevel(v)
      if (s !== null) expect(Number.isInteger(s) && s >= 1 && s <= 7).toBe(true)
    }))
  })

  it('parseSiteType: null or one of the three codes', () => {
    fc.assert(fc.property(anyValue, (v) => {
      expect([null, 'hall', 'callcenter', 'installation']).toContain(parseSiteType(v))
    }))
  })

  it('parseDate: null or a real calendar date YYYY-MM-DD in 1900..2100, stable when read again', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const d = parseDate(v)
      if (d === null) return
      expect(isIsoDate(d)).toBe(true)
      expect(Number(d.slice(0, 4))).toBeGreaterThanOrEqual(1900)
      expect(Number(d.slice(0, 4))).toBeLessThanOrEqual(2100)
      expect(parseDate(d)).toBe(d)
    }))
  })

  it('parseNumber: null or a finite non-negative number', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const n = parseNumber(v)
      if (n !== null) expect(Number.isFinite(n) && n >= 0).toBe(true)
    }))
  })

  it('normalizePhone, normalizeEmail, normalizeUscc: idempotent, no invisible characters; validity never throws', () => {
    fc.assert(fc.property(anyValue, (v) => {
      for (const f of [normalizePhone, normalizeEmail, normalizeUscc]) {
        const once = f(v)
        expect(f(once)).toBe(once)
        expect(once).not.toMatch(INVISIBLE)
      }
      expect(normalizeUscc(v)).not.toMatch(/[\s-]|[a-z]/)
      expect(typeof isValidPhone(normalizePhone(v))).toBe('boolean')
      usccProblem(normalizeUscc(v))
    }))
  })

  it('parseCertificateList: unique, upper case, no separators or invisible characters; reading its own join gives it back', () => {
    fc.assert(fc.property(anyValue, (v) => {
      const list = parseCertificateList(v)
      expect(new Set(list).size).toBe(list.length)
      for (const c of list) {
        expect(c).toBe(c.toUpperCase())
        expect(c).not.toMatch(/[、，,；;\s]/)
        expect(c).not.toMatch(INVISIBLE)
        expect(c.length).toBeGreaterThan(0)
      }
      expect(parseCertificateList(list.join('、'))).toEqual(list)
    }))
  })

  it('plainCellValue/cellText: any cell shape reads as string, number, Date or null', () => {
    fc.assert(fc.property(anyCell, (v) => {
      const p = plainCellValue(v)
      expect(p === null || typeof p === 'string' || typeof p === 'number' || p instanceof Date).toBe(true)
      expect(typeof cellText(p)).toBe('string')
    }))
  })
})

describe('safe file names (core/files/safeName.ts)', () => {
  it('never forbidden characters, never a reserved name, never empty, bounded, no leading dot, idempotent', () => {
    fc.assert(
      fc.property(nasty, (raw) => {
        const n = safeFileName(raw)
        expect(n.length).toBeGreaterThan(0)
        expect(n).not.toMatch(WINDOWS_FORBIDDEN)
        expect(n).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
        expect(RESERVED.test(n.split('.')[0])).toBe(false)
        expect([...n].length).toBeLessThanOrEqual(SAFE_NAME_MAX_LENGTH)
        expect(Buffer.byteLength(n)).toBeLessThanOrEqual(SAFE_NAME_MAX_BYTES)
        expect(n).not.toMatch(/^[.\s]|[.\s]$/)
        expect(n).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
        expect(safeFileName(n)).toBe(n)
      }),
      { numRuns: 500 },
    )
  })

  it('the upload name of browser mode obeys the same rules, or is empty when nothing usable is left', () => {
    fc.assert(fc.property(nasty, (raw) => {
      const n = sanitizeUploadName(raw)
      if (n === '') return
      expect(n).toBe(safeFileName(n))
      expect(RESERVED.test(n.split('.')[0])).toBe(false)
      expect(n).not.toMatch(WINDOWS_FORBIDDEN)
    }))
  })
})

describe('bundle entry names (core/bundle/names.ts)', () => {
  it('safeSegment: one safe segment within its bound; safeEntryPath: safe segments within MAX_PATH_CHARS that a verifier accepts', () => {
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 1, maxLength: 5 }), (segments) => {
        for (const s of segments) {
          const seg = safeSegment(s)
          expect(seg).not.toMatch(WINDOWS_FORBIDDEN)
          expect([...seg].length).toBeLessThanOrEqual(MAX_SEGMENT_CHARS)
          expect(seg.length).toBeGreaterThan(0)
          expect(seg === '.' || seg === '..').toBe(false)
        }
        const p = safeEntryPath(segments)
        expect(p.split('/')).toHaveLength(segments.length)
        expect(unsafeEntryReason(p)).toBeNull()
        // 8 characters per segment is the floor the shortening keeps; with few segments the bound holds.
        if (segments.length <= 5) expect(p.length).toBeLessThanOrEqual(Math.max(MAX_PATH_CHARS, segments.length * 9))
      }),
      { numRuns: 300 },
    )
  })

  it('EntryNamer never hands out two names that collide on a case-insensitive file system', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('现场/照片.jpg', '现场/照片.JPG', '现场/Photo.jpg', '现场/photo.jpg', 'a/b.pdf', 'A/b.pdf'), { maxLength: 30 }), (names) => {
        const namer = new EntryNamer()
        const out = names.map((n) => namer.reserve(n))
        expect(new Set(out.map((o) => o.normalize('NFC').toLowerCase())).size).toBe(out.length)
      }),
    )
  })

  it('unsafeEntryReason flags every name that climbs out, is absolute or has a drive or backslash', () => {
    fc.assert(
      fc.property(nasty, nasty, (a, b) => {
        for (const bad of [`../${a}`, `${a}/../${b}`, `/${a}`, `C:${a}`, `c:/${a}`, `${a}\\${b}`, `${a}\u0000`]) expect(unsafeEntryReason(bad), bad).not.toBeNull()
      }),
    )
  })
})

describe('static path resolver (server/static.ts)', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'starsite-static-prop-'))
  const root = path.join(base, 'web')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), 'index')
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'js')
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret')
  // A symlink inside the root that points out of it must not lead anywhere.
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'))
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }))
  const realRoot = fs.realpathSync(root)

  it('never resolves outside its root, for any URL path', () => {
    const urlPath = fc.oneof(
      nasty,
      nasty.map((s) => `/${s}`),
      fc.array(fc.constantFrom('..', '%2e%2e', '%2E%2e', '.%2e', '%252e%252e', 'assets', 'link.txt', 'secret.txt', '%2f', '%5c', '%00', ''), { maxLength: 8 }).map((p) => `/${p.join('/')}`),
      fc.webUrl().map((u) => new URL(u).pathname),
    )
    fc.assert(
      fc.property(urlPath, (p) => {
        const r = resolveStatic(root, p)
        if (r === null) return
        const rel = path.relative(realRoot, r)
        expect(rel.startsWith('..') || path.isAbsolute(rel), `${p} -> ${r}`).toBe(false)
        expect(fs.readFileSync(r, 'utf8')).not.toBe('secret')
      }),
      { numRuns: 1000 },
    )
  })
})
