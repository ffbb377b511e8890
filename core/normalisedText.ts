// The text a survivor approves, reduced to what she approved: the words, not their layout.
// Unicode NFC so that the same Khmer typed on two keyboards compares equal. Every run of Unicode
// White_Space (U+0085 and U+00A0 included), zero-width space U+200B (which Khmer typists insert
// between words), word joiner U+2060 and U+FEFF becomes one space, and the ends are trimmed, so that
// reflowing a paragraph is no edit. Zero-width non-joiner U+200C and joiner U+200D are kept: they
// change how Khmer renders (a subscript or a ligature), so adding or removing one is an edit.

const foldable = /[\p{White_Space}\u200B\u2060\uFEFF]+/gu

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(foldable, ' ').trim()
}

/** The plain text of Portable Text blocks: one line per block, spans joined. */
export interface TextBlock {
  _type: string
  children?: ReadonlyArray<{ _type: string; text?: string }>
}

export function blocksToPlainText(blocks: ReadonlyArray<TextBlock> | undefined | null): string {
  if (!blocks) return ''
  return blocks
    .filter((block) => block._type === 'block')
    .map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''))
    .join('\n')
}
