import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { consentGate, projectPublicTestimony, publicTestimony, type TestimonyDocument } from '../../core/index.ts'
import { aConsent, aTestimony, today } from './fixtures.ts'

describe('the public projection', () => {
  it('carries the approved public version in each approved language, and nothing of the private text', () => {
    const testimony = aTestimony()
    const projection = projectPublicTestimony({ testimony, consents: [aConsent(testimony)], use: 'website', today })
    if (!projection.public) throw new Error('expected the testimony to be public')
    expect(projection.testimony.form).toBe('anonymous')
    expect(projection.testimony.languages.en?.title).toBe('A story of the rice fields')
    expect(projection.testimony.languages.en?.byline).toBe('A woman from Takeo province')
    expect(projection.testimony.languages.km?.title).toBe('រឿងរ៉ាវនៃវាលស្រែ')
    const json = JSON.stringify(projection.testimony)
    for (const secret of ['Kok Prasat', 'Sreyneang', 'testimony-test-1', 'consent-test-1']) expect(json).not.toContain(secret)
  })

  it('shows the first name only when every published language may show it', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony, { scopes: ['website', 'firstName'] })
    const projection = projectPublicTestimony({ testimony, consents: [consent], use: 'website', today })
    expect(projection.public && projection.testimony.form).toBe('firstName')
    expect(projection.public && projection.testimony.languages.en?.byline).toBe('Neang')
  })

  it('holds back the whole story when one language changed after approval, as the Publish button does', () => {
    const testimony = aTestimony()
    const consent = aConsent(testimony)
    const edited = aTestimony({
      publicVersion: { ...testimony.publicVersion, title: { km: 'ចំណងជើងថ្មី', en: testimony.publicVersion?.title?.en } },
    })
    const projection = projectPublicTestimony({ testimony: edited, consents: [consent], use: 'website', today })
    expect(projection).toMatchObject({
      public: false,
      reasons: [{ code: 'approvedTextChanged', language: 'km', text: 'public', approvedOn: '2026-03-12' }],
    })
  })

  it('publishes the languages the public version has text in, and only those', () => {
    const base = aTestimony()
    const testimony = aTestimony({ publicVersion: { ...base.publicVersion, body: { en: base.publicVersion?.body?.en } } })
    const projection = projectPublicTestimony({ testimony, consents: [aConsent(testimony)], use: 'website', today })
    expect(projection.public && Object.keys(projection.testimony.languages)).toEqual(['en'])
  })

  it('is refused, with the gate’s reasons, when no language may be published', () => {
    const testimony = aTestimony()
    const projection = projectPublicTestimony({
      testimony,
      consents: [aConsent(testimony, { scopes: ['ceremonyReading'] })],
      use: 'website',
      today,
    })
    expect(projection).toMatchObject({ public: false, reasons: [{ code: 'scopeNotGranted', scope: 'website' }] })
  })

  it('is refused when the approved public version lacks a title, and says which field', () => {
    const base = aTestimony()
    const testimony = aTestimony({ publicVersion: { ...base.publicVersion, title: null } })
    const projection = projectPublicTestimony({ testimony, consents: [aConsent(testimony)], use: 'website', today })
    expect(projection.public).toBe(false)
    expect(!projection.public && projection.reasons[0]).toMatchObject({
      code: 'projectionRefused',
      detail: expect.stringContaining('languages.km.title'),
    })
  })

  it('keeps only words and simple emphasis of the text: links, images and unknown keys are dropped', () => {
    const base = aTestimony()
    const body = [
      {
        _type: 'block',
        style: 'normal',
        markDefs: [{ _key: 'l', _type: 'link', href: 'https://example.org/private' }],
        privateNote: 'secret',
        children: [{ _type: 'span', text: 'Words', marks: ['strong', 'l'] }],
      },
      { _type: 'image', asset: { _ref: 'image-abc-10x10-jpg' } },
    ]
    const testimony = aTestimony({ publicVersion: { ...base.publicVersion, body: { ...base.publicVersion?.body, en: body } } })
    const projection = projectPublicTestimony({ testimony, consents: [aConsent(testimony)], use: 'website', today })
    if (!projection.public) throw new Error(JSON.stringify(projection.reasons))
    expect(projection.testimony.languages.en?.body).toEqual([
      {
        _type: 'block',
        _key: 'b0',
        style: 'normal',
        markDefs: [],
        children: [{ _type: 'span', _key: 's0', text: 'Words', marks: ['strong'] }],
      },
    ])
  })

  it('has a schema that rejects any field it does not list', () => {
    const testimony = aTestimony()
    const projection = projectPublicTestimony({ testimony, consents: [aConsent(testimony)], use: 'website', today })
    if (!projection.public) throw new Error('expected public')
    expect(publicTestimony.safeParse({ ...projection.testimony, survivor: { _ref: 'x' } }).success).toBe(false)
    expect(
      publicTestimony.safeParse({ ...projection.testimony, languages: { en: { ...projection.testimony.languages.en, phone: '1' } } })
        .success,
    ).toBe(false)
  })
})

// Private values are drawn as distinctive markers so that a leak is visible in the JSON output.
const marker = fc.stringMatching(/^[a-z]{6,12}$/).map((s) => `PRIVATE${s}`)
const words = fc.array(fc.stringMatching(/^[a-zA-Z\u1780-\u17B3][a-zA-Z\u1780-\u17B3 ]{0,29}$/), { minLength: 1, maxLength: 4 })
const block = (text: string) => ({ _type: 'block', style: 'normal', markDefs: [], children: [{ _type: 'span', text, marks: [] }] })

const anyTestimony = fc
  .record({ secrets: fc.array(marker, { minLength: 6, maxLength: 6 }), title: words, body: words, hopes: words })
  .map(({ secrets, title, body, hopes }): { testimony: TestimonyDocument; secrets: string[] } => {
    const [name, village, phone, witness, fullText, note] = secrets as [string, string, string, string, string, string]
    const localised = (values: string[]) => ({ km: `ក ${values.join(' ')}`, en: values.join(' ') })
    const testimony = aTestimony({
      _id: `testimony-${name}`,
      survivor: { _ref: `survivor-${name}`, name, village, phone },
      witness,
      privateNotes: note,
      title: { en: `${name} of ${village}`, km: name },
      body: { en: [block(fullText)], km: [block(fullText)] },
      publicVersion: {
        title: localised(title),
        byline: { en: 'A woman from Kampot province', km: 'ស្ត្រីម្នាក់មកពីខេត្តកំពត' },
        firstName: { en: 'Srey', km: 'ស្រី' },
        body: { en: body.map(block), km: body.map(block) },
        hopes: localised(hopes),
        secretField: phone,
      },
    })
    return { testimony, secrets }
  })

describe('properties of the consent core', () => {
  it('nothing private ever passes the projection, whatever the testimony holds', () => {
    fc.assert(
      fc.property(
        anyTestimony,
        fc.subarray(['ceremonyReading', 'website', 'firstName', 'teaching'] as const),
        ({ testimony, secrets }, scopes) => {
          const projection = projectPublicTestimony({ testimony, consents: [aConsent(testimony, { scopes })], use: 'website', today })
          const json = JSON.stringify(projection.public ? projection.testimony : null)
          for (const secret of secrets) expect(json).not.toContain(secret)
        },
      ),
    )
  })

  it('any change to an approved text closes the gate for that language', () => {
    fc.assert(
      fc.property(
        anyTestimony,
        fc.constantFrom('title', 'byline', 'firstName', 'hopes'),
        fc.stringMatching(/^[a-z]{1,8}$/),
        ({ testimony }, field, addition) => {
          const consent = aConsent(testimony)
          const version = testimony.publicVersion ?? {}
          const current = version[field]?.en ?? ''
          const edited = { ...testimony, publicVersion: { ...version, [field]: { ...version[field], en: `${current} ${addition}` } } }
          const decision = consentGate({
            testimony: edited,
            consents: [consent],
            request: { use: 'website', form: 'anonymous', language: 'en' },
            today,
          })
          expect(decision.allowed).toBe(false)
          expect(!decision.allowed && decision.reasons.map((r) => r.code)).toContain('approvedTextChanged')
        },
      ),
    )
  })

  it('any change to the words of the public text closes the gate', () => {
    fc.assert(
      fc.property(anyTestimony, fc.nat(), fc.stringMatching(/^[a-z\u1780-\u17B3]{1,5}$/), ({ testimony }, at, insert) => {
        const consent = aConsent(testimony)
        const blocks = testimony.publicVersion?.body?.en ?? []
        const index = at % blocks.length
        const original = blocks[index]?.children?.[0]?.text ?? ''
        const position = at % (original.length + 1)
        const changed = original.slice(0, position) + insert + original.slice(position)
        const body = blocks.map((b, i) => (i === index ? block(changed) : b))
        const edited = { ...testimony, publicVersion: { ...testimony.publicVersion, body: { ...testimony.publicVersion?.body, en: body } } }
        const decision = consentGate({
          testimony: edited,
          consents: [consent],
          request: { use: 'website', form: 'anonymous', language: 'en' },
          today,
        })
        expect(decision.allowed).toBe(false)
      }),
    )
  })
})
