// text::query(), which the Studio's lists and search use and groq-js lacks. The lake rewrites
// `[@, _id] match text::query($q)` into a plain GROQ `match` over each document's searchable text
// (every string in it), offered to groq-js as a hidden attribute that `...` and results never show.
import type { LakeDocument } from '../mutations/document.ts'

const textAttribute = '_lakeSearchText'
const textQueryCall = /text::query\(\s*(\$[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*")\s*\)/g

export interface PreparedQuery {
  query: string
  params: Record<string, unknown>
  searchesText: boolean
}

/** Turns what a reader typed into `match` patterns: every word must be there, the last as a prefix. */
export function matchPatterns(typed: unknown): string[] {
  const text = typeof typed === 'string' ? typed.trim() : ''
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/^"|"$/g, ''))
    .filter((w) => w !== '' && !w.startsWith('-'))
  if (words.length === 0) return ['*']
  return words.map((word, index) => (index === words.length - 1 && !word.endsWith('*') ? `${word}*` : word))
}

export function prepareTextQuery(query: string, params: Record<string, unknown>): PreparedQuery {
  if (!query.includes('text::query(')) return { query, params, searchesText: false }
  const rewrittenParams = { ...params }
  let rewritten = query.replace(textQueryCall, (_call, argument: string) => {
    if (argument.startsWith('$')) {
      const name = argument.slice(1)
      rewrittenParams[name] = matchPatterns(params[name])
      return argument
    }
    return JSON.stringify(matchPatterns(JSON.parse(argument)))
  })
  // `@` (the whole document) on the left of such a match means its text.
  rewritten = rewritten.replace(/\[\s*@\s*,/g, `[${textAttribute},`).replace(/(^|[^\w.])@(\s+match\s)/g, `$1${textAttribute}$2`)
  return { query: rewritten, params: rewrittenParams, searchesText: true }
}

const cache = new WeakMap<LakeDocument, LakeDocument>()

/** The document with its searchable text as a non-enumerable attribute, so it never reaches output. */
export function withSearchText(document: LakeDocument): LakeDocument {
  let prepared = cache.get(document)
  if (!prepared) {
    prepared = { ...document }
    Object.defineProperty(prepared, textAttribute, { value: stringsOf(document).join(' '), enumerable: false })
    cache.set(document, prepared)
  }
  return prepared
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => (key.startsWith('_') && key !== '_id' ? [] : stringsOf(inner)))
  return []
}
