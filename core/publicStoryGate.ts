// The site's own check of a public story, today: the consent gate asked again with what the site
// may read (the story, the hashes of the words she approved, her consent records as the story
// carries them). Everything of the gate but reading her words: the writer of the story (the Studio's
// publish, the lake) judged those; the site checks that the hash it shows is the one she approved,
// that her consent in force grants the use, the form and the recording, is not withdrawn in any of
// her records, and is neither not yet given nor past its review date.
import { bindingWithdrawal } from './consentWithdrawals.ts'
import { consentReasons } from './consentGate.ts'
import type { ConsentMedium } from './consentScopes.ts'
import type { GateReason } from './gateReasons.ts'
import { publicLanguages } from './languages.ts'
import { publicStoryDocument, storyConsents, type PublicStoryDocument } from './publicStory.ts'
import { publicTestimony, type PublicTestimony, type PublicUse } from './publicTestimony.ts'
import { describeZodError } from './parseOrExplain.ts'

export type StoryAnswer =
  | { public: true; testimonyId: string; testimony: PublicTestimony }
  | { public: false; testimonyId: string; slug: string; reasons: GateReason[]; withdrawn: boolean }

/** Public stories from what a backend answered, checked with zod one by one; a malformed one is named and left out. */
export function publicStoryInputs(answered: ReadonlyArray<unknown>): { stories: PublicStoryDocument[]; problems: string[] } {
  const stories: PublicStoryDocument[] = []
  const problems: string[] = []
  for (const raw of answered) {
    const parsed = publicStoryDocument.safeParse(raw)
    if (parsed.success) stories.push(parsed.data)
    else problems.push(`A public story${storyIdOf(raw)} is not well formed and is not shown: ${describeZodError(parsed.error)}`)
  }
  return { stories, problems }
}

/** The document's id, to find it by, when it has one (an id holds no private word: testimony-07). */
const storyIdOf = (raw: unknown): string =>
  typeof raw === 'object' && raw !== null && '_id' in raw && typeof raw._id === 'string' ? ` (${raw._id})` : ''

export function publicStoryGate(input: { story: PublicStoryDocument; use: PublicUse; today: string }): StoryAnswer {
  const { story: document, use, today } = input
  const testimonyId = document.testimonyId
  const consents = storyConsents(document)
  const refuse = (reasons: GateReason[]): StoryAnswer => ({
    public: false,
    testimonyId,
    slug: document.slug,
    reasons: [...new Map(reasons.map((reason) => [JSON.stringify(reason), reason])).values()],
    withdrawn: bindingWithdrawal(testimonyId, consents, 'website') !== null,
  })
  const story = document.story
  if (!story) return refuse([{ code: 'notPublished' }])
  const languages = publicLanguages.filter((language) => story.languages[language])
  if (languages.length === 0) return refuse([{ code: 'noPublicText' }])
  // A lesson links to the story's page as it is, but needs only the anonymous teaching scope.
  const form = use === 'website' ? story.form : 'anonymous'
  const ask = (media: ConsentMedium[]) =>
    languages.flatMap((language) => {
      const { consent, reasons } = consentReasons(testimonyId, consents, { use, form, language, media }, today)
      const approved = consent?.approvedPublicText?.[language]
      if (!consent) return reasons
      if (!approved) return [...reasons, { code: 'notApprovedInLanguage' as const, language, text: 'public' as const }]
      if (approved !== story.languages[language]?.textHash)
        return [
          ...reasons,
          { code: 'approvedTextChanged' as const, language, text: 'public' as const, approvedOn: consent.dateGiven ?? '?' },
        ]
      return reasons
    })
  const reasons = ask([])
  if (reasons.length > 0) return refuse(reasons)
  const recording = use === 'website' ? document.recording?.asset._ref : undefined
  const audio = recording && ask(['voiceRecording']).length === 0 ? recording : null
  const shown = publicTestimony.safeParse({ ...story, ...(audio ? { audio } : {}) })
  if (!shown.success) return refuse([{ code: 'projectionRefused', detail: describeZodError(shown.error) }])
  return { public: true, testimonyId, testimony: shown.data }
}
