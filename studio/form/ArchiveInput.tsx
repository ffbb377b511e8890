// The archive's additions to Sanity's form: the therapist of a case record chosen by name, and at
// the top of a case record what its state means (publication status; erased; another's record).
import type { ReactNode } from 'react'
import { Stack } from '@sanity/ui'
import { isStringInputProps, useFormValue, type InputProps } from 'sanity'
import { isCaseRecordType, therapistField } from '../records/index.ts'
import { StaffMemberInput } from '../staff/index.ts'
import { MissingRecordNotice, useMissingRecord } from './MissingRecordNotice.tsx'
import { PublicationStatus } from './PublicationStatus.tsx'
import { publishedIdOf } from '../../core/index.ts'

export function ArchiveInput(props: InputProps): ReactNode {
  if (props.id === 'root' && isCaseRecordType(props.schemaType.name)) return <CaseRecordForm {...props} />
  if (
    isStringInputProps(props) &&
    props.path.length === 1 &&
    typeof props.path[0] === 'string' &&
    Object.values<string>(therapistField).includes(props.path[0])
  )
    return <StaffMemberInput {...props} />
  return props.renderDefault(props)
}

function CaseRecordForm(props: InputProps) {
  const id = useFormValue(['_id'])
  const publishedId = typeof id === 'string' ? publishedIdOf(id) : ''
  const value = props.value
  const hasContent = typeof value === 'object' && value !== null && '_createdAt' in value
  const missing = useMissingRecord(publishedId, props.schemaType.name, hasContent)
  if (missing === 'checking') return null
  if (missing) return <MissingRecordNotice missing={missing} />
  if (props.schemaType.name !== 'testimony') return props.renderDefault(props)
  return (
    <Stack gap={4}>
      <PublicationStatus publishedId={publishedId} document={value} />
      {props.renderDefault(props)}
    </Stack>
  )
}
