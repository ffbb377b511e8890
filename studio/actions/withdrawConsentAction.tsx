// Withdrawing consent in two clicks: the action, then the confirmation. Withdrawing is as easy as
// giving (GDPR art. 7(3)): everything she allowed is withdrawn from today, and a published
// testimony is unpublished, and its public story emptied, in the same transaction.
import { useState } from 'react'
import { Button, Select, Stack, Text } from '@sanity/ui'
import { useClient, type DocumentActionComponent } from 'sanity'
import { consentInForce, everythingWithdrawn, apiVersion } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { planWithdrawal } from '../workflow/index.ts'
import { storedPublicStory } from './storedPublicStory.ts'
import { refreshConsents, useConsents } from './useConsents.ts'
import { useActionWrite } from './useActionWrite.ts'
import { newKey, todayIso, useStaff } from './useStaff.ts'

const withdrawalMethods = ['inPerson', 'phone', 'throughSomeone'] as const

export const withdrawConsentAction: DocumentActionComponent = (props) => {
  const { t } = useArchiveText()
  const staff = useStaff()
  const consents = useConsents(props.id)
  const client = useClient({ apiVersion })
  const { working, write } = useActionWrite()
  const [open, setOpen] = useState(false)
  const [method, setMethod] = useState<string>('inPerson')
  const inForce = consents ? consentInForce(props.id, consents) : null
  if (!staff) return null

  const withdraw = async () => {
    const previousStory = await storedPublicStory(client, props.id)
    const plan = planWithdrawal({
      published: props.published,
      draft: props.draft,
      testimonyId: props.id,
      consents: consents ?? [],
      method,
      today: todayIso(),
      recordedBy: staff.id,
      key: newKey(),
      previousStory,
    })
    if (!plan.possible) return
    const done = await write(async () => {
      await client.mutate(plan.mutations, { visibility: 'sync' })
      await refreshConsents(client.config().dataset, props.id)
      return t(plan.unpublishes ? 'action.withdraw.doneUnpublished' : 'action.withdraw.done')
    })
    if (done) {
      setOpen(false)
    }
  }

  return {
    label: t('action.withdraw'),
    tone: 'critical',
    disabled: inForce === null || everythingWithdrawn(props.id, consents ?? []),
    title: inForce === null ? t('action.withdraw.noConsent') : undefined,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: t('action.withdraw.header'),
      onClose: () => setOpen(false),
      content: (
        <Stack gap={4}>
          <Text>{t('action.withdraw.body')}</Text>
          <Text as="label" htmlFor="withdrawal-method" weight="semibold">
            {t('action.withdraw.method')}
          </Text>
          <Select id="withdrawal-method" value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
            {withdrawalMethods.map((value) => (
              <option key={value} value={value}>
                {t(`withdrawMethod.${value}`)}
              </option>
            ))}
          </Select>
          <Button text={t('action.withdraw.confirm')} tone="critical" loading={working} onClick={() => void withdraw()} />
        </Stack>
      ),
    },
  }
}
withdrawConsentAction.displayName = 'WithdrawConsentAction'
