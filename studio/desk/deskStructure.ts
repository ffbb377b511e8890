// The desk, by what a therapist does next: her testimonies by workflow state, consents due for
// review within 30 days, follow-up calls due this week, ceremonies. Supervisors and
// administrators see everyone's work; the lake's role grants hold the same line on the server.
import type { StructureBuilder, StructureResolver } from 'sanity/structure'
import { workflowStates, addDays } from '../../core/index.ts'
import { archiveText, type ArchiveT } from '../locale/index.ts'
import { seesEveryone, staffRole } from '../workflow/index.ts'
import { ConsentAuditPane } from './ConsentAuditPane.tsx'
import { todayIso } from '../actions/useStaff.ts'

const publicContent = ['theme', 'lesson', 'glossaryTerm', 'supportService', 'siteSettings'] as const

export const deskStructure: StructureResolver = (S, context) => {
  const t = archiveText(context.i18n.currentLocale.id)
  const role = staffRole(context.currentUser?.roles.map((r) => r.name) ?? [])
  const everyone = seesEveryone(role)
  const today = todayIso()
  const params = { me: context.currentUser?.id ?? '', today, in30: addDays(today, 30), weekEnd: addDays(today, 7) }
  const own = (field: string) => (everyone ? '' : ` && ${field} == $me`)

  return S.list()
    .id('root')
    .title(t('desk.myTestimonies'))
    .items([
      S.listItem()
        .id('testimonies')
        .title(t(everyone ? 'desk.allTestimonies' : 'desk.myTestimonies'))
        .schemaType('testimony')
        .child(testimoniesByState(S, t, own('therapist'), params)),
      S.listItem()
        .id('consents-to-review')
        .title(t('desk.consentsToReview'))
        .schemaType('consentRecord')
        .child(
          S.documentList()
            .id('consents-to-review')
            .title(t('desk.consentsToReview'))
            .schemaType('consentRecord')
            .filter(`_type == "consentRecord" && reviewDate <= $in30${own('therapist')}`)
            .params(params)
            .defaultOrdering([{ field: 'reviewDate', direction: 'asc' }]),
        ),
      S.listItem()
        .id('follow-ups-this-week')
        .title(t('desk.followUpsThisWeek'))
        .schemaType('followUp')
        .child(
          S.documentList()
            .id('follow-ups-this-week')
            .title(t('desk.followUpsThisWeek'))
            .schemaType('followUp')
            .filter(`_type == "followUp" && done != true && due <= $weekEnd${own('therapist')}`)
            .params(params)
            .defaultOrdering([{ field: 'due', direction: 'asc' }]),
        ),
      S.documentTypeListItem('ceremony').title(t('desk.ceremonies')),
      S.divider(),
      S.documentTypeListItem('survivor').title(t('desk.survivors')),
      S.documentTypeListItem('consentRecord').title(t('desk.consentRecords')),
      ...(everyone
        ? [
            S.listItem()
              .id('consent-audit')
              .title(t('desk.consentAudit'))
              .child(S.component(ConsentAuditPane).id('consent-audit').title(t('desk.consentAudit'))),
          ]
        : []),
      S.divider(),
      S.listItem()
        .id('public-content')
        .title(t('desk.publicContent'))
        .child(
          S.list()
            .id('public-content')
            .title(t('desk.publicContent'))
            .items(publicContent.map((type) => S.documentTypeListItem(type))),
        ),
      ...(role === 'administrator' ? [S.documentTypeListItem('erasureRecord').title(t('desk.erasures'))] : []),
    ])
}

function testimoniesByState(S: StructureBuilder, t: ArchiveT, own: string, params: Record<string, string>) {
  return S.list()
    .id('testimonies')
    .title(t('desk.myTestimonies'))
    .items([
      ...workflowStates.map((state) =>
        S.listItem()
          .id(state)
          .title(t(`state.${state}`))
          .schemaType('testimony')
          .child(
            S.documentList()
              .id(`testimonies-${state}`)
              .title(t(`state.${state}`))
              .schemaType('testimony')
              .filter(`_type == "testimony" && coalesce(workflowState, "drafting") == $state${own}`)
              .params({ ...params, state })
              .defaultOrdering([{ field: '_updatedAt', direction: 'desc' }]),
          ),
      ),
      S.divider(),
      S.listItem()
        .id('every-state')
        .title(t('desk.everyState'))
        .schemaType('testimony')
        .child(
          S.documentList()
            .id('testimonies-all')
            .title(t('desk.everyState'))
            .schemaType('testimony')
            .filter(`_type == "testimony"${own}`)
            .params(params),
        ),
    ])
}
