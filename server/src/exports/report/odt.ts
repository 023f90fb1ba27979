import type { Lang } from '@atelier/shared'
import { strToU8, zipSync } from 'fflate'
import type { Block, ListItem, TableCell } from './blocks.js'

/**
 * The report as an OpenDocument text (what LibreOffice, which French public services run, writes
 * natively): a zip whose first entry is the uncompressed `mimetype`, then the content, the styles,
 * the metadata and the manifest. Headings are real outline headings, lists are nested lists, and
 * zones are tables with one paragraph per note, all editable.
 */

export const ODT_MIME = 'application/vnd.oasis.opendocument.text'

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ')

function xml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

const paragraph = (style: string, text: string) => `<text:p text:style-name="${style}">${xml(text)}</text:p>`

function list(items: readonly ListItem[]): string {
  const entries = items.map(
    (item) =>
      `<text:list-item>${paragraph('List_20_Contents', item.text)}${item.children.length > 0 ? list(item.children) : ''}</text:list-item>`,
  )
  return `<text:list text:style-name="Bullets">${entries.join('')}</text:list>`
}

function cell(content: TableCell, style: string): string {
  const paragraphs = [
    ...(content.title !== undefined ? [paragraph('Table_20_Heading', content.title)] : []),
    ...content.lines.map((line) => paragraph(style, line)),
  ]
  return `<table:table-cell table:style-name="Cell" office:value-type="string">${paragraphs.join('') || paragraph(style, '')}</table:table-cell>`
}

function table(block: Extract<Block, { kind: 'table' }>, index: number): string {
  const columns = block.header?.length ?? block.rows[0]?.length ?? 1
  const header = block.header
    ? `<table:table-header-rows><table:table-row>${block.header.map((title) => cell({ lines: [title] }, 'Table_20_Heading')).join('')}</table:table-row></table:table-header-rows>`
    : ''
  const rows = block.rows
    .map(
      (row) =>
        `<table:table-row>${row.map((content) => cell(content, 'Table_20_Contents')).join('')}</table:table-row>`,
    )
    .join('')
  return `<table:table table:name="Tableau${index}" table:style-name="Table"><table:table-column table:number-columns-repeated="${columns}"/>${header}${rows}</table:table>`
}

function blockXml(block: Block, tableIndex: number): string {
  switch (block.kind) {
    case 'heading':
      return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}">${xml(block.text)}</text:h>`
    case 'paragraph':
      return paragraph(block.note ? 'Note' : 'Text_20_body', block.text)
    case 'list':
      return list(block.items)
    case 'table':
      return table(block, tableIndex)
  }
}

function body(blocks: readonly Block[]): string {
  return blocks.map((block, index) => blockXml(block, index + 1)).join('\n')
}

const CONTENT_STYLES = `<office:automatic-styles>
<style:style style:name="Table" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.12cm"/></style:style>
</office:automatic-styles>`

function styles(lang: Lang): string {
  const country = lang === 'fr' ? 'FR' : 'GB'
  const heading = (level: number, size: string) =>
    `<style:style style:name="Heading_20_${level}" style:display-name="Heading ${level}" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="${level}"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="${size}" fo:font-weight="bold"/></style:style>`
  const bullet = (level: number) =>
    `<text:list-level-style-bullet text:level="${level}" text:bullet-char="${level % 2 === 1 ? '•' : '◦'}"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${(0.6 * level).toFixed(1)}cm" fo:text-indent="-0.4cm" fo:margin-left="${(0.6 * level).toFixed(1)}cm"/></style:list-level-properties></text:list-level-style-bullet>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3"><office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="11pt" fo:language="${lang}" fo:country="${country}"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>
${heading(1, '18pt')}
${heading(2, '14pt')}
${heading(3, '12pt')}
<text:list-style style:name="Bullets">${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(bullet).join('')}</text:list-style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>`
}

function meta(title: string, lang: Lang, date: Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><meta:generator>Atelier</meta:generator><dc:title>${xml(title)}</dc:title><dc:language>${lang}</dc:language><meta:creation-date>${date.toISOString().slice(0, 19)}</meta:creation-date></office:meta></office:document-meta>`
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODT_MIME}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`

export interface OdtOptions {
  title: string
  lang: Lang
  date: Date
}

export function renderOdt(blocks: readonly Block[], { title, lang, date }: OdtOptions): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">${CONTENT_STYLES}<office:body><office:text>
${body(blocks)}
</office:text></office:body></office:document-content>`
  // Key order is entry order: the mimetype first and stored, as the OpenDocument packaging requires.
  return zipSync({
    mimetype: [strToU8(ODT_MIME), { level: 0 }],
    'content.xml': [strToU8(content), { level: 6 }],
    'styles.xml': [strToU8(styles(lang)), { level: 6 }],
    'meta.xml': [strToU8(meta(title, lang, date)), { level: 6 }],
    'META-INF/manifest.xml': [strToU8(MANIFEST), { level: 6 }],
  })
}
