// Erasing a testimony, for administrators only, after typing ERASE. On the lake the erasure also
// purges history and images; on hosted Sanity the documents are deleted and an erasure record
// written, and the history stays for the plan's retention period (said in the dialog).
import { useState } from 'react'
import { Button, Stack, Text, TextInput } from '@sanity/ui'
import { useClient, type DocumentActionComponent } from 'sanity'
import { publicStoryIdOf, draftIdOf, apiVersion } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import type { StudioBackend } from '../studioBackend.ts'
import { useActionWrite } from './useActionWrite.ts'
import { todayIso, useStaff } from './useStaff.ts'

export function eraseTestimonyAction(backend: StudioBackend): DocumentActionComponent {
  const EraseTestimony: DocumentActionComponent = (props) => {
    const { t } = useArchiveText()
    const staff = useStaff()
    const client = useClient({ apiVersion })
    const { working, write } = useActionWrite()
    const [open, setOpen] = useState(false)
    const [typed, setTyped] = useState('')
    if (staff?.role !== 'administrator') return null

    const erase = async () => {
      const done = await write(async () => {
        if (backend.local) {
          await client.request({ url: `/data/erase/${client.config().dataset}`, method: 'POST', body: { testimonyId: props.id } })
        } else {
          const consents = await client.fetch<string[]>('*[_type == "consentRecord" && testimony._ref == $id]._id', { id: props.id })
          // The record counts what is there to remove (a testimony may have no draft or no public story).
          const candidates = [props.id, draftIdOf(props.id), publicStoryIdOf(props.id), ...consents]
          const existing = await client.fetch<string[]>('*[_id in $ids]._id', { ids: candidates })
          await existing
            .reduce((transaction, id) => transaction.delete(id), client.transaction())
            .create({
              _type: 'erasureRecord',
              testimonyId: props.id,
              date: todayIso(),
              erasedBy: staff.id,
              documentsRemoved: existing.length,
            })
            .commit()
        }
        return t('action.erase.done')
      })
      if (done) {
        setOpen(false)
      }
    }

    return {
      label: t('action.erase'),
      tone: 'critical',
      onHandle: () => setOpen(true),
      dialog: open && {
        type: 'dialog',
        header: t('action.erase.header'),
        onClose: () => setOpen(false),
        content: (
          <Stack gap={4}>
            <Text>{t('action.erase.body')}</Text>
            {!backend.local && <Text muted>{t('action.erase.hostedNote')}</Text>}
            <Text as="label" htmlFor="erase-confirmation" weight="semibold">
              {t('action.erase.typeToConfirm')}
            </Text>
            <TextInput id="erase-confirmation" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
            <Button
              text={t('action.erase.confirm')}
              tone="critical"
              disabled={typed.trim() !== 'ERASE'}
              loading={working}
              onClick={() => void erase()}
            />
          </Stack>
        ),
      },
    }
  }
  EraseTestimony.displayName = 'EraseTestimonyAction'
  return EraseTestimony
}
