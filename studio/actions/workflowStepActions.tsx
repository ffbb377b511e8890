// The review steps as document actions: a therapist submits her draft for supervisor review; a
// supervisor returns it with comments, or passes it as ready to be read back to the survivor.
import { useState } from 'react'
import { Button, Stack, Text, TextArea } from '@sanity/ui'
import { useDocumentOperation, type DocumentActionComponent, type DocumentActionProps } from 'sanity'
import type { WorkflowState } from '../../schemas/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { isWorkflowState, stepAvailable, stepPatch, type WorkflowStep } from '../workflow/index.ts'
import { newKey, useStaff } from './useStaff.ts'

const labelKeys = {
  submitForReview: 'action.submitForReview',
  returnToTherapist: 'action.returnToTherapist',
  readyForReadBack: 'action.readyForReadBack',
} as const satisfies Record<WorkflowStep, string>

function stateOf(props: DocumentActionProps): WorkflowState | undefined {
  const value = (props.draft ?? props.published)?.workflowState
  return isWorkflowState(value) ? value : undefined
}

function stepAction(step: WorkflowStep): DocumentActionComponent {
  const StepAction: DocumentActionComponent = (props) => {
    const { t } = useArchiveText()
    const staff = useStaff()
    const { patch } = useDocumentOperation(props.id, props.type)
    const [open, setOpen] = useState(false)
    const [note, setNote] = useState('')
    if (!staff || !stepAvailable(step, stateOf(props), staff.role)) return null
    const take = (text: string) => {
      const changes = stepPatch(step, text ? { _key: newKey(), note: text, by: staff.id, at: new Date().toISOString() } : null)
      patch.execute([
        { set: changes.set },
        ...(changes.append ? [{ setIfMissing: { reviewNotes: [] } }, { insert: { after: 'reviewNotes[-1]', items: changes.append } }] : []),
      ])
      setOpen(false)
    }
    if (step !== 'returnToTherapist') return { label: t(labelKeys[step]), onHandle: () => take('') }
    return {
      label: t(labelKeys[step]),
      tone: 'caution',
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
            <Button text={t('action.returnToTherapist')} tone="caution" disabled={note.trim() === ''} onClick={() => take(note)} />
          </Stack>
        ),
      },
    }
  }
  StepAction.displayName = `WorkflowStep(${step})`
  return StepAction
}

export const submitForReviewAction = stepAction('submitForReview')
export const returnToTherapistAction = stepAction('returnToTherapist')
export const readyForReadBackAction = stepAction('readyForReadBack')
