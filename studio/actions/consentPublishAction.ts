// The Studio's Publish for testimonies: the default action, disabled with the reasons in plain
// words (in the user's language) unless the consent core allows the testimony as it stands and the
// workflow allows it to be published (approved by her, passed by a supervisor). It
// publishes exactly the draft it judged, marked published, with its public story (what the site
// reads), in one transaction guarded by the draft's revision (a change saved meanwhile refuses it);
// the lake checks the consent again.
// A refusal is shown and leaves the draft as it was.
import { useClient, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { publicationRefusals, testimonyDocument, apiVersion } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { publishMutations, publishStepRefusals } from '../workflow/index.ts'
import { useActionWrite } from './useActionWrite.ts'
import { storedPublicStory } from './storedPublicStory.ts'
import { useConsents } from './useConsents.ts'
import { todayIso, useStaff } from './useStaff.ts'
import { isRevisionConflict } from './writeErrors.ts'

// One gated component per original action: Sanity calls the actions resolver again and again, and
// a new component each time would be a new component to React, losing its state.
const gated = new WeakMap<DocumentActionComponent, DocumentActionComponent>()

export function consentPublishAction(original: DocumentActionComponent): DocumentActionComponent {
  const known = gated.get(original)
  if (known) return known
  const GatedPublish: DocumentActionComponent = (props: DocumentActionProps) => {
    const action = original(props)
    const consents = useConsents(props.id)
    const { t, language } = useArchiveText()
    const staff = useStaff()
    const client = useClient({ apiVersion })
    const { working, write } = useActionWrite()
    if (!action) return action
    const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
    if (consents === null) return { ...action, disabled: true, title: t('publish.checking') }
    const gate = testimony.success ? publicationRefusals(testimony.data, consents, todayIso(), language) : null
    if (gate === null || !staff) return { ...action, disabled: true, title: t('publish.incomplete') }
    const { draft: current, published } = props
    const workflow = publishStepRefusals({
      draft: current,
      published,
      role: staff.role,
      userId: staff.id,
      consents,
      today: todayIso(),
      language,
    })
    const reasons = [...gate, ...workflow]
    if (reasons.length > 0) return { ...action, disabled: true, title: reasons.join(' ') }
    const draft = props.draft
    if (!draft) return { ...action, disabled: true }
    return {
      ...action,
      disabled: action.disabled || working,
      onHandle: () => {
        void write(async () => {
          try {
            const previousStory = await storedPublicStory(client, props.id)
            await client.mutate(publishMutations(props.id, draft, { consents, previousStory }), { visibility: 'sync' })
          } catch (error) {
            // The draft's revision guard: someone (or a save) changed it after it was judged.
            if (isRevisionConflict(error)) throw new Error(t('publish.changed'))
            throw error
          }
          return t('publish.done')
        })
      },
    }
  }
  GatedPublish.action = 'publish'
  GatedPublish.displayName = 'ConsentPublishAction'
  gated.set(original, GatedPublish)
  return GatedPublish
}
