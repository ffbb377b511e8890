// The text a survivor approves, reduced to what she approved: the words, not their layout.
// Unicode NFC so that the same Khmer typed on two keyboards compares equal; whitespace folded
// (including zero-width spaces some Khmer typists insert) so that reflowing a paragraph is no edit.

const foldable = /[\s\u200B\u200C\u2060\uFEFF]+/gu

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
