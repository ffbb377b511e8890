// The consent audit for supervisors: every recording, change and withdrawal of consent with who
// and when, read from the backend's history; and the CSV downloads (audit trail, consent report).
import { useEffect, useState } from 'react'
import { Box, Button, Card, Flex, Stack, Text } from '@sanity/ui'
import { useClient } from 'sanity'
import { z } from 'zod'
import { consentReport, draftIdOf, publishedIdOf, publishedOnly, apiVersion } from '../../core/index.ts'
import { useArchiveText } from '../locale/index.ts'
import { auditCsv, auditEvents, consentReportCsv, historyTransaction, seesEveryone, type AuditEvent } from '../workflow/index.ts'
import { useActionWrite } from '../actions/useActionWrite.ts'
import { todayIso, useStaff } from '../actions/useStaff.ts'
import { staffMembers } from '../staff/index.ts'
import { dayFirstDateTime } from './deskDates.ts'

const consentRefs = z.array(z.object({ _id: z.string(), testimony: z.string().nullable() }))
const testimonyTitles = z.array(z.object({ _id: z.string(), title: z.string().nullable() }))
// A testimony's title as staff know it: the public title, else her own, in either language.
const titlesQuery =
  '*[_type == "testimony" && _id in $ids]{_id, "title": coalesce(publicVersion.title[$language], publicVersion.title.km, publicVersion.title.en, title[$language], title.km, title.en)}'
const historyBatch = 40

function download(name: string, text: string) {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }))
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}

function ndjson(body: unknown): unknown[] {
  if (Array.isArray(body)) return body
  if (typeof body !== 'string') return body ? [body] : []
  return body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): unknown => JSON.parse(line))
}

export function ConsentAuditPane() {
  const { t, language } = useArchiveText()
  const staff = useStaff()
  const client = useClient({ apiVersion })
  const [events, setEvents] = useState<AuditEvent[] | null>(null)
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map())
  const [people, setPeople] = useState<ReadonlyMap<string, string>>(new Map())
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    const load = async () => {
      const records = consentRefs.parse(
        await client.fetch(`*[_type == "consentRecord" && ${publishedOnly}]{_id, "testimony": testimony._ref}`, {}, { perspective: 'raw' }),
      )
      const testimonyOf = new Map(records.flatMap((r) => (r.testimony ? [[r._id, r.testimony] as const] : [])))
      const ids = [...testimonyOf.keys()]
      const transactions = []
      for (let i = 0; i < ids.length; i += historyBatch) {
        const batch = ids.slice(i, i + historyBatch).join(',')
        const body = await client.request<unknown>({ url: `/data/history/${client.config().dataset}/transactions/${batch}` })
        transactions.push(...ndjson(body).map((line) => historyTransaction.parse(line)))
      }
      setEvents(auditEvents(transactions, testimonyOf).reverse())
      const testimonies = [...new Set(testimonyOf.values())]
      const found = testimonyTitles.parse(
        await client.fetch(titlesQuery, { ids: testimonies.flatMap((id) => [id, draftIdOf(id)]), language }, { perspective: 'raw' }),
      )
      setTitles(new Map(found.flatMap((t) => (t.title ? [[publishedIdOf(t._id), t.title] as const] : []))))
      setPeople(new Map((await staffMembers(client).catch(() => [])).map((member) => [member.id, member.name])))
    }
    load().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)))
  }, [client, language])

  const { write } = useActionWrite()
  const downloadReport = () =>
    write(async () => {
      const documents = await client.fetch<unknown[]>('*[_type in ["testimony", "consentRecord"]]', {}, { perspective: 'raw' })
      download(`consent-report-${todayIso()}.csv`, consentReportCsv(consentReport(documents, todayIso())))
      return t('audit.downloadReport')
    })

  if (!staff || !seesEveryone(staff.role))
    return (
      <Box padding={4}>
        <Text>{t('audit.supervisorsOnly')}</Text>
      </Box>
    )
  return (
    <Box padding={4}>
      <Stack gap={4}>
        <Text size={3} weight="semibold">
          {t('audit.title')}
        </Text>
        <Text muted>{t('audit.intro')}</Text>
        <Flex gap={2} wrap="wrap">
          <Button
            text={t('audit.downloadAudit')}
            disabled={!events}
            onClick={() => events && download(`consent-audit-${todayIso()}.csv`, auditCsv(events))}
          />
          <Button text={t('audit.downloadReport')} mode="ghost" onClick={() => void downloadReport()} />
        </Flex>
        {failure && <Text>{t('action.failed', { message: failure })}</Text>}
        {!events && !failure && <Text muted>{t('audit.loading')}</Text>}
        {events?.length === 0 && <Text muted>{t('audit.empty')}</Text>}
        {events && events.length > 0 && (
          <Card border radius={2} overflow="auto">
            <table data-testid="consent-audit" style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
              <thead>
                <tr>
                  {(['audit.time', 'audit.person', 'audit.what', 'audit.testimony'] as const).map((key) => (
                    <th key={key} style={{ textAlign: 'left', padding: 8 }}>
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {events.map((e, index) => (
                  <tr key={index}>
                    <td style={{ padding: 8 }}>{dayFirstDateTime(e.timestamp)}</td>
                    <td style={{ padding: 8 }}>{people.get(e.author) ?? e.author}</td>
                    <td style={{ padding: 8 }}>{t(`audit.action.${e.action}`)}</td>
                    <td style={{ padding: 8 }}>
                      {titles.get(e.testimonyId) ?? e.testimonyId}
                      <br />
                      <span style={{ opacity: 0.6, fontSize: 12 }}>{e.testimonyId}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </Stack>
    </Box>
  )
}
