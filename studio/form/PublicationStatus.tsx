// Above a testimony's form, in words and without hovering: whether the survivor's consent lets it
// on the website as it stands, and if not, every reason. The Publish button's tooltip says the same,
// but a tooltip is never seen on a touch screen. A story held until a day says which day.
import { Card, Stack, Text } from '@sanity/ui'
import { localDate, publicationHeldUntil, publicationRefusals, testimonyDocument } from '../../core/index.ts'
import { useConsents } from '../actions/useConsents.ts'
import { todayIso } from '../actions/useStaff.ts'
import { useArchiveText } from '../locale/index.ts'

export function PublicationStatus(props: { publishedId: string; document: unknown }) {
  const { t, language } = useArchiveText()
  const consents = useConsents(props.publishedId)
  const testimony = testimonyDocument.safeParse(props.document)
  if (consents === null || !testimony.success) return null
  const reasons = publicationRefusals(testimony.data, consents, todayIso(), language)
  const heldUntil = publicationHeldUntil(props.publishedId, consents, todayIso())
  return (
    <Card padding={3} radius={2} border tone={reasons.length === 0 ? 'positive' : 'caution'} data-testid="publication-status">
      <Stack gap={3}>
        <Text weight="semibold">{t(reasons.length === 0 ? 'status.publishable' : 'status.notPublishable')}</Text>
        {heldUntil && (
          <Text size={1} data-testid="publication-held">
            {t('status.heldUntil', { date: localDate(heldUntil, language) })}
          </Text>
        )}
        {reasons.map((reason) => (
          <Text key={reason} size={1}>
            {reason}
          </Text>
        ))}
      </Stack>
    </Card>
  )
}
