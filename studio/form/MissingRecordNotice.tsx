// What an empty form means, said plainly instead of showing it: a testimony erased at the
// survivor's request (when, by whom, how much), or a record that belongs to another therapist's
// case. Asked only for a record that has no content yet, so a new record costs one small request.
import { useEffect, useState } from 'react'
import { Card, Stack, Text } from '@sanity/ui'
import { useClient } from 'sanity'
import { z } from 'zod'
import { dayFirstDate } from '../desk/deskDates.ts'
import { useArchiveText } from '../locale/index.ts'
import { draftIdOf, apiVersion } from '../../core/index.ts'

export type Missing = { kind: 'erased'; date: string; documentsRemoved: number } | { kind: 'notYours' } | null

const erasure = z.object({ date: z.string(), documentsRemoved: z.number().nullish() }).nullable()
const omissions = z.looseObject({ omitted: z.array(z.object({ id: z.string(), reason: z.string() })).optional() })

/** Whether a record with no content was erased, or is there but not hers; null when neither (a new record). */
export function useMissingRecord(publishedId: string, type: string, hasContent: boolean): Missing | 'checking' {
  const client = useClient({ apiVersion })
  const [missing, setMissing] = useState<Missing | 'checking'>(hasContent ? null : 'checking')
  useEffect(() => {
    if (hasContent) return setMissing(null)
    let current = true
    const check = async (): Promise<Missing> => {
      if (type === 'testimony') {
        const erased = erasure.parse(
          await client.fetch('*[_type == "erasureRecord" && testimonyId == $id][0]{date, documentsRemoved}', { id: publishedId }),
        )
        if (erased) return { kind: 'erased', date: erased.date, documentsRemoved: erased.documentsRemoved ?? 0 }
      }
      const answer = omissions.parse(
        await client.request({ url: `/data/doc/${client.config().dataset}/${publishedId},${draftIdOf(publishedId)}` }),
      )
      return answer.omitted?.some((o) => o.reason === 'permission') ? { kind: 'notYours' } : null
    }
    check()
      .then((found) => current && setMissing(found))
      .catch(() => current && setMissing(null))
    return () => {
      current = false
    }
  }, [client, publishedId, type, hasContent])
  return missing
}

// Sanity offers to restore a deleted document from its history; an erased one has none left.
const hideRestore = '[data-testid="deleted-document-banner"] { display: none !important; }'

export function MissingRecordNotice(props: { missing: Exclude<Missing, null> }) {
  const { t } = useArchiveText()
  const { missing } = props
  return (
    <>
      <style>{hideRestore}</style>
      <Card padding={4} radius={2} border tone="caution" data-testid="missing-record">
        <Stack gap={3}>
          <Text weight="semibold">{t(missing.kind === 'erased' ? 'missing.erased.title' : 'missing.notYours.title')}</Text>
          <Text>
            {missing.kind === 'erased'
              ? t('missing.erased.body', { date: dayFirstDate(missing.date), count: String(missing.documentsRemoved) })
              : t('missing.notYours.body')}
          </Text>
        </Stack>
      </Card>
    </>
  )
}
