/** Document defaults, the Normal style and run helpers, all taking the configured font names. */
import { DocumentDefaults, ImportedXmlComponent, LineRuleType, type IStylesOptions } from 'docx'
import type { LetterFonts } from '../../core/letters/settings'
import { BODY_CHAR_SPACING, BODY_SIZE, LINE } from './measures'

/** East Asian text in `eastAsia`, Latin letters and digits in the Latin font. */
export function fontFor(eastAsia: string, latin: string) {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia }
}

/**
 * Defaults in `styles.default.document` AND a Normal paragraph style: Word reads the former, LibreOffice sizes
 * text from Normal.
 */
export function letterStyles(fonts: LetterFonts): IStylesOptions {
  const run = {
    font: fontFor(fonts.body, fonts.latin),
    size: BODY_SIZE,
    sizeComplexScript: BODY_SIZE,
    characterSpacing: BODY_CHAR_SPACING,
    language: { value: 'en-US', eastAsia: 'zh-CN' },
  }
  const paragraph = { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }
  // Imported styles take the place of docx's whole default set, document defaults included, so the defaults
  // are given here again; docx's other stock styles (headings, footnotes…) are not used by a letter.
  return {
    importedStyles: [new DocumentDefaults({ run, paragraph }), offGridStyle()],
    paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run, paragraph }],
  }
}

/** Paragraphs that must keep their own exact line height instead of snapping to the 579-twip grid. */
export const OFF_GRID = 'StarsiteOffGrid'

/**
 * LibreOffice snaps every line to the document grid even under exact line spacing, so a 二号 title (taller
 * than one grid line) would take two lines there but one in Word, and page breaks would differ. A style with
 * snapToGrid off (docx offers it on runs only, which LibreOffice ignores) keeps the two in step.
 */
function offGridStyle(): ImportedXmlComponent {
  return ImportedXmlComponent.fromXmlString(
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${OFF_GRID}">` +
      '<w:name w:val="不对齐网格"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
      '<w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>',
  )
}
