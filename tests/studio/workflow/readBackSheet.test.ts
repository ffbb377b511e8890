// The read-back sheet prints the exact stored text with the approval code of its hash, the scopes
// as boxes, places for signature, thumbprint and witness, on A4, escaping whatever the text holds.
import { describe, expect, it } from 'vitest'
import { approvableText, approvalCode, scopeTitles, textHash } from '../../../core/index.ts'
import { readBackSheetHtml } from '../../../studio/workflow/index.ts'
import { aTestimony, today } from '../../core/fixtures.ts'

describe('the read-back sheet', () => {
  const testimony = aTestimony()
  const html = readBackSheetHtml({ testimony, text: 'public', languages: ['km', 'en'], printedOn: today })

  it('carries the approval code of each language’s text as stored now', () => {
    for (const language of ['km', 'en'] as const) {
      expect(html).toContain(approvalCode(textHash(approvableText(testimony, 'public', language))))
    }
    expect(html).not.toContain(approvalCode(textHash(approvableText(testimony, 'full', 'en'))))
  })

  it('prints the text itself, every scope as a box to tick, and boxes for thumbprint and witness, on A4', () => {
    expect(html).toContain('I was born in a village in the south.')
    expect(html).toContain('ខ្ញុំកើតនៅភូមិមួយនៅភាគខាងត្បូង។')
    for (const title of Object.values(scopeTitles)) expect(html).toContain(title.km)
    expect(html).toMatch(/Thumbprint/)
    expect(html).toMatch(/Witness/)
    expect(html).toMatch(/size: A4/)
  })

  it('leaves out a language that was not asked for, and loads nothing from anywhere', () => {
    const khmerOnly = readBackSheetHtml({ testimony, text: 'full', languages: ['km'], printedOn: today })
    expect(khmerOnly).not.toContain('Kok Prasat')
    expect(khmerOnly).not.toMatch(/(src|href)=|@import|url\(/)
  })

  it('shows markup typed into the text as text', () => {
    const hostile = aTestimony({ title: { en: '<script>alert(1)</script>' } })
    const sheet = readBackSheetHtml({ testimony: hostile, text: 'full', languages: ['en'], printedOn: today })
    expect(sheet).not.toContain('<script>alert')
    expect(sheet).toContain('&lt;script&gt;')
  })
})
