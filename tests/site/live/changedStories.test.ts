// After a full build is served, the stories it published for the first time are asked about again
// only if they changed while it ran, or all of them if the site lost track of changes meanwhile.
import { describe, expect, it } from 'vitest'
import { changedStories } from '../../../site/live/changedStories.ts'

describe('the stories changed while a build ran', () => {
  it('names only those that changed after the build began, not those before', () => {
    const changes = changedStories()
    changes.listening()
    changes.changed('testimony-01')
    const started = changes.mark()
    changes.changed('testimony-02')
    expect(changes.since(started, ['testimony-01', 'testimony-02', 'testimony-03'])).toEqual(['testimony-02'])
  })

  it('names every one when the build began before the site heard changes, or lost them while it ran', () => {
    const changes = changedStories()
    const beforeListening = changes.mark()
    changes.listening()
    expect(changes.since(beforeListening, ['testimony-01'])).toEqual(['testimony-01'])
    const started = changes.mark()
    changes.listening()
    expect(changes.since(started, ['testimony-01', 'testimony-03'])).toEqual(['testimony-01', 'testimony-03'])
    // A later build, begun after the connection came back, asks only about what changed.
    const next = changes.mark()
    expect(changes.since(next, ['testimony-01'])).toEqual([])
  })

  it('still names a change heard while one build ran once that build is forgotten, for the next', () => {
    const changes = changedStories()
    changes.listening()
    const first = changes.mark()
    changes.changed('testimony-01')
    const second = changes.mark()
    changes.changed('testimony-02')
    changes.forget(first)
    expect(changes.since(first, ['testimony-01', 'testimony-02'])).toEqual(['testimony-01', 'testimony-02'])
    changes.forget(second)
    expect(changes.since(second, ['testimony-01', 'testimony-02'])).toEqual(['testimony-02'])
  })
})
