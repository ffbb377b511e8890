// Document ids: drafts, versions and published ids turn into one another without losing the id.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { draftIdOf, idKind, isPublishedId, publishedIdOf, publishedOnly, releaseOf, versionIdOf } from '../../core/index.ts'

// Ids as Sanity accepts them (letters, digits, `.`, `_`, `-`), of a published document.
const idCharacter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._-')
const publishedIds = fc
  .string({ unit: idCharacter, minLength: 1, maxLength: 40 })
  .filter((id) => /^[a-z0-9_]/.test(id) && isPublishedId(id))
const releases = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: 1, maxLength: 12 })

describe('document ids', () => {
  it('finds the published id again from a draft and from a version', () => {
    fc.assert(
      fc.property(publishedIds, releases, (id, release) => {
        expect(publishedIdOf(draftIdOf(id))).toBe(id)
        expect(publishedIdOf(versionIdOf(release, id))).toBe(id)
        expect(publishedIdOf(id)).toBe(id)
      }),
    )
  })

  it('makes the same draft id of every form of a document', () => {
    fc.assert(
      fc.property(publishedIds, releases, (id, release) => {
        expect(draftIdOf(id)).toBe(`drafts.${id}`)
        expect(draftIdOf(draftIdOf(id))).toBe(draftIdOf(id))
        expect(draftIdOf(versionIdOf(release, id))).toBe(draftIdOf(id))
      }),
    )
  })

  it('tells the kind of each form and the release of a version', () => {
    fc.assert(
      fc.property(publishedIds, releases, (id, release) => {
        expect([idKind(id), idKind(draftIdOf(id)), idKind(versionIdOf(release, id))]).toEqual(['published', 'draft', 'version'])
        expect([releaseOf(id), releaseOf(draftIdOf(id)), releaseOf(versionIdOf(release, id))]).toEqual([null, null, release])
      }),
    )
  })

  it('keeps an id that only looks like a prefix as it is', () => {
    expect(publishedIdOf('draftsman-1')).toBe('draftsman-1')
    expect(idKind('versions-of-a-story')).toBe('published')
  })

  it('filters drafts and versions out in GROQ', () => {
    expect(publishedOnly).toBe('!(_id in path("drafts.**")) && !(_id in path("versions.**"))')
  })
})
