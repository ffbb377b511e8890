// A consent record is private: it is saved, never "published". Its Save writes the draft as the
// record, guarded by the draft's revision (a colleague's change saved meanwhile refuses it), and
// says so in the archive's words; Sanity's Publish would tell her the record "was published".
import { useClient, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import { useActionWrite } from '../actions/useActionWrite.ts'
import { useArchiveText } from '../locale/index.ts'
import { draftIdOf, apiVersion } from '../../core/index.ts'

/** The draft, as judged, becomes the record; the draft goes. */
export function saveRecordMutations(publishedId: string, draft: Record<string, unknown> & { _rev: string; _type: string }) {
  const { _rev, _updatedAt, _id, ...content } = draft
  void [_updatedAt, _id]
  return [
    { patch: { id: draftIdOf(publishedId), ifRevisionID: _rev, unset: ['_empty_action_guard_pseudo_field_'] } },
    { createOrReplace: { ...content, _id: publishedId } },
    { delete: { id: draftIdOf(publishedId) } },
  ]
}

const saving = new WeakMap<DocumentActionComponent, DocumentActionComponent>()

export function saveRecordAction(publish: DocumentActionComponent): DocumentActionComponent {
  const known = saving.get(publish)
  if (known) return known
  const SaveRecord: DocumentActionComponent = (props: DocumentActionProps) => {
    const action = publish(props)
    const { t } = useArchiveText()
    const client = useClient({ apiVersion })
    const { working, write } = useActionWrite()
    if (!action) return action
    const draft = props.draft
    return {
      ...action,
      label: t('action.saveRecord'),
      disabled: !draft || action.disabled || working,
      title: draft ? action.title : t('action.saveRecord.nothing'),
      onHandle: () => {
        if (!draft) return
        void write(async () => {
          await client.mutate(saveRecordMutations(props.id, draft), { visibility: 'sync' })
          return t('action.saveRecord.done')
        })
      },
    }
  }
  SaveRecord.action = 'publish'
  SaveRecord.displayName = 'SaveRecordAction'
  saving.set(publish, SaveRecord)
  return SaveRecord
}
