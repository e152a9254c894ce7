/**
 * Lays a LetterContent out as a Word document per GB/T 9704-2012 (LETTER_FORMAT.md). No I/O: the service
 * around it reads the database and writes the file; the bench packs this same document without it.
 */
import { Document, DocumentGridType, Packer, type FileChild } from 'docx'
import { FINGERPRINT_LABEL, type LetterContent } from '../../core/letters/content'
import type { LetterFonts, LetterFormat } from '../../core/letters/settings'
import { annexTable } from './annexTable'
import { changesTable } from './changesTable'
import {
  addressee,
  annexHead,
  attachmentNote,
  bodyParagraph,
  fileHead,
  fingerprintParagraph,
  letterDocNo,
  letterFootFooter,
  letterHeadHeader,
  pageNumberFooter,
  signatureBlock,
  title,
} from './blocks'
import { FOOTER_DISTANCE, LETTER_HEADER_DISTANCE, LINE, MARGIN, PAGE } from './measures'
import { letterStyles } from './styles'

export interface LayoutOptions {
  format: LetterFormat
  fonts: LetterFonts
}

function mainText(content: LetterContent, { format, fonts }: LayoutOptions): FileChild[] {
  const children: FileChild[] = []
  if (format === 'file') children.push(...fileHead(fonts, content.issuer, content.docNo))
  else children.push(...letterDocNo(content.docNo))
  children.push(title(fonts, content.title), ...addressee(content.addressee))
  // The last body paragraph is kept whole and with what follows, so the signature never stands alone.
  content.body.forEach((item, i) => {
    const last = i === content.body.length - 1
    children.push(typeof item === 'string' ? bodyParagraph(item, { keepNext: last, keepLines: last }) : fingerprintParagraph(item.label, item.value, item.sameLine))
  })
  if (content.fingerprint) children.push(fingerprintParagraph(FINGERPRINT_LABEL, content.fingerprint))
  children.push(...attachmentNote(content.attachments), ...signatureBlock(content.signature, content.date))
  const annex = content.annex
  if (annex) {
    children.push(...annexHead(fonts, annex.label, annex.title))
    if ('changes' in annex) {
      children.push(changesTable(fonts, annex.changes))
      if (annex.note) children.push(bodyParagraph(annex.note))
    } else children.push(annexTable(fonts, annex.rows, annex.starTitle))
  }
  return children
}

export function buildLetterDocument(content: LetterContent, options: LayoutOptions): Document {
  const { format, fonts } = options
  const letter = format === 'letter'
  return new Document({
    title: content.title,
    creator: content.issuer,
    lastModifiedBy: content.issuer,
    styles: letterStyles(fonts),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: letter ? LETTER_HEADER_DISTANCE : 851, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE },
          titlePage: letter,
        },
        headers: letter ? { first: letterHeadHeader(fonts, content.issuer) } : undefined,
        footers: {
          default: pageNumberFooter(fonts, 'odd'),
          even: pageNumberFooter(fonts, 'even'),
          ...(letter ? { first: letterFootFooter() } : {}),
        },
        children: mainText(content, options),
      },
    ],
  })
}

export function packLetter(content: LetterContent, options: LayoutOptions): Promise<Buffer> {
  return Packer.toBuffer(buildLetterDocument(content, options))
}
