// The recording of the ceremony reading leaves the archive only with the voice recording scope.
import { describe, expect, it } from 'vitest'
import { projectPublicTestimony } from '../../core/index.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

const audio = 'http://127.0.0.1:4444/files/local/production/recording.mp3'

describe('the public projection of a recording', () => {
  it('leaves the recording out without the voice recording scope', () => {
    const testimony = aTestimony()
    const projection = projectPublicTestimony({ testimony, consents: [aConsent(testimony)], use: 'website', today, audio })
    expect(projection.public && projection.testimony.audio).toBeUndefined()
  })

  it('includes the recording when the voice recording scope is granted', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony, { scopes: ['website', 'voiceRecording'] })
    const projection = projectPublicTestimony({ testimony, consents: [consent], use: 'website', today, audio })
    expect(projection.public && projection.testimony.audio).toBe(audio)
  })

  it('leaves the recording out once the voice recording scope is withdrawn, and keeps the text', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony, {
      scopes: ['website', 'voiceRecording'],
      withdrawals: [{ date: '2026-11-01', scopes: ['voiceRecording'] }],
    })
    const projection = projectPublicTestimony({ testimony, consents: [consent], use: 'website', today, audio })
    expect(projection.public).toBe(true)
    expect(projection.public && projection.testimony.audio).toBeUndefined()
  })
})
