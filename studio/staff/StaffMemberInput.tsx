// The therapist of a case record, chosen by name: a supervisor picks one of the archive's
// therapists from a list; a therapist sees her own name (her new records are hers, and the lake
// refuses records naming someone else). The stored value is the person's user id.
import { useEffect, useState } from 'react'
import { Card, Select, Stack, Text } from '@sanity/ui'
import { set, unset, useClient, type StringInputProps } from 'sanity'
import { useArchiveText } from '../locale/index.ts'
import { useStaff } from '../actions/useStaff.ts'
import { staffMembers, therapists, type StaffMember } from './staffMembers.ts'
import { apiVersion } from '../../core/index.ts'

export function StaffMemberInput(props: StringInputProps) {
  const { t } = useArchiveText()
  const staff = useStaff()
  const client = useClient({ apiVersion })
  const [members, setMembers] = useState<StaffMember[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let current = true
    staffMembers(client)
      .then((found) => current && setMembers(found))
      .catch(() => current && setFailed(true))
    return () => {
      current = false
    }
  }, [client])

  const value = props.value ?? ''
  const nameOf = (id: string) => members?.find((m) => m.id === id)?.name ?? id
  if (props.readOnly || staff?.role === 'therapist') {
    return (
      <Card padding={3} radius={2} tone="transparent" border data-testid="staff-member">
        <Text>{value === '' ? t('staff.nobody') : nameOf(value)}</Text>
      </Card>
    )
  }
  const choices = therapists(members ?? [])
  const unknown = value !== '' && !choices.some((m) => m.id === value)
  return (
    <Stack gap={2}>
      <Select
        id={props.id}
        value={value}
        disabled={members === null && !failed}
        onChange={(event) => {
          const chosen = event.currentTarget.value
          props.onChange(chosen === '' ? unset() : set(chosen))
        }}
      >
        <option value="">{members === null && !failed ? t('staff.loading') : t('staff.choose')}</option>
        {unknown && <option value={value}>{t('staff.noAccount', { id: value })}</option>}
        {choices.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </Select>
      {failed && <Text size={1}>{t('staff.failed')}</Text>}
    </Stack>
  )
}
