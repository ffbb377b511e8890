// Reading a value at a boundary: the data, or an error that says what was read, lists each problem
// as `path: message`, keeps the hint apart, and never repeats the value.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { explainFailure, HintedError, parseOrExplain } from '../../core/index.ts'

const story = z.object({ slug: z.string().regex(/^[a-z-]+$/, 'lower-case words joined by "-"'), year: z.number() })

const thrown = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('nothing was thrown')
}

describe('reading a value with a schema', () => {
  it('gives back the data when the value fits', () => {
    expect(parseOrExplain(story, { slug: 'rice-fields', year: 1977 }, 'the story')).toEqual({ slug: 'rice-fields', year: 1977 })
  })

  it('names what was read and each problem by its path, with the hint kept apart', () => {
    const error = thrown(() =>
      parseOrExplain(z.array(story), [{ slug: 'Rice Fields', year: '1977' }], "the lake's answer", 'import the seed.'),
    )
    expect(error).toBeInstanceOf(HintedError)
    expect(error).toMatchObject({
      message:
        'Could not read the lake\'s answer:\n  - 0.slug: lower-case words joined by "-"\n  - 0.year: Invalid input: expected number, received string',
      hint: 'import the seed.',
    })
  })

  it('never repeats the value it could not read', () => {
    const error = thrown(() => parseOrExplain(story, { slug: 'Sokha Village 12', year: 'Sokha' }, 'the story'))
    expect(explainFailure(error)).not.toContain('Sokha')
  })

  it('lists ten problems and counts the rest', () => {
    const error = thrown(() =>
      parseOrExplain(
        z.array(z.number()),
        Array.from({ length: 13 }, () => 'x'),
        'the numbers',
      ),
    )
    expect(explainFailure(error).split('\n')).toHaveLength(1 + 10 + 1)
    expect(explainFailure(error)).toMatch(/ - 9: .*\n {2}- and 3 more$/)
  })
})

describe('how a command prints a failure', () => {
  it('prints the message, then the hint on a line of its own', () => {
    expect(explainFailure(new HintedError('No lake data in .lake-data.', 'run `npm start` once.'))).toBe(
      'No lake data in .lake-data.\nHint: run `npm start` once.',
    )
    expect(explainFailure(new HintedError('Pagefind could not start.'))).toBe('Pagefind could not start.')
    expect(explainFailure(new Error('plain'))).toBe('plain')
    expect(explainFailure('a string')).toBe('a string')
  })
})
