// The review steps as document actions: a therapist submits her draft for supervisor review; a
// supervisor returns it with comments, or passes it for read-back (recording who and when). Each is
// offered only where the consent core's workflow table allows it, and says when it is done.
import { useState } from 'react'
import { Button, Stack, Text, TextArea } from '@sanity/ui'
import { useClient, type DocumentActionComponent } from 'sanity'
import { useArchiveText, type ArchiveTextKey } from '../locale/index.ts'
import { stepOffered, shownState, stepEdits, type ReviewStep } from '../workflow/index.ts'
import { useActionWrite } from './useActionWrite.ts'
import { newKey, useStaff } from './useStaff.ts'
import { apiVersion } from '../../core/index.ts'

const labelKeys = {
  submit: 'action.submitForReview',
  return: 'action.returnToTherapist',
  pass: 'action.readyForReadBack',
} as const satisfies Record<ReviewStep, ArchiveTextKey>

const doneKeys = {
  submit: 'action.submitForReview.done',
  return: 'action.returnToTherapist.done',
  pass: 'action.readyForReadBack.done',
} as const satisfies Record<ReviewStep, ArchiveTextKey>

function stepAction(step: ReviewStep): DocumentActionComponent {
  const StepAction: DocumentActionComponent = (props) => {
    const { t } = useArchiveText()
    const staff = useStaff()
    const client = useClient({ apiVersion })
    const { working, write } = useActionWrite()
    const [open, setOpen] = useState(false)
    const [note, setNote] = useState('')
    if (!staff || !stepOffered(step, shownState(props.draft, props.published), staff.role)) return null
    const take = async (text: string) => {
      const edits = stepEdits(step, {
        publishedId: props.id,
        userId: staff.id,
        now: new Date().toISOString(),
        note: text ? { _key: newKey(), text } : null,
      })
      const done = await write(async () => {
        await client.action(edits)
        return t(doneKeys[step])
      })
      if (done) {
        setOpen(false)
        setNote('')
      }
    }
    if (step !== 'return') return { label: t(labelKeys[step]), disabled: working, onHandle: () => void take('') }
    return {
      label: t(labelKeys[step]),
      tone: 'caution',
      disabled: working,
      onHandle: () => setOpen(true),
      dialog: open && {
        type: 'dialog',
        header: t('action.returnToTherapist.header'),
        onClose: () => setOpen(false),
        content: (
          <Stack gap={4}>
            <Text as="label" htmlFor="review-note" weight="semibold">
              {t('action.returnToTherapist.comment')}
            </Text>
            <TextArea id="review-note" rows={5} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button
              text={t('action.returnToTherapist')}
              tone="caution"
              loading={working}
              disabled={note.trim() === ''}
              onClick={() => void take(note)}
            />
          </Stack>
        ),
      },
    }
  }
  StepAction.displayName = `WorkflowStep(${step})`
  return StepAction
}

export const submitForReviewAction = stepAction('submit')
export const returnToTherapistAction = stepAction('return')
export const readyForReadBackAction = stepAction('pass')
