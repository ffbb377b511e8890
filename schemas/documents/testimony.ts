// A testimony: the survivor's own text (private) and, separately, the anonymised public version
// that needs its own approval. Only the consent gate decides what of it may leave the archive.
import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { defineArrayMember, defineField, defineType, type NumberRule } from '@sanity/types'
import { namesSignedInTherapist } from '../ownRecord.ts'
import { contentWarningOptions, dayFirstWithTime, provinceOptions, workflowStateOptions } from '../vocabulary.ts'

const yearRule = (rule: NumberRule) => rule.integer().min(1975).max(1979)

export const testimony = defineType({
  name: 'testimony',
  title: 'Testimony',
  type: 'document',
  icon: DocumentTextIcon,
  initialValue: namesSignedInTherapist('therapist'),
  groups: [
    // Group titles are translated by the Studio's 'archive' locale namespace (studio/locale).
    { name: 'testimony', title: 'Her testimony', default: true, i18n: { title: { key: 'group.testimony', ns: 'archive' } } },
    { name: 'public', title: 'Public version', i18n: { title: { key: 'group.public', ns: 'archive' } } },
    { name: 'context', title: 'Context', i18n: { title: { key: 'group.context', ns: 'archive' } } },
  ],
  fields: [
    defineField({
      name: 'survivor',
      title: 'Survivor',
      type: 'reference',
      to: [{ type: 'survivor' }],
      group: 'testimony',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'therapist',
      title: 'Therapist',
      description: 'The therapist who writes it down. A therapist’s new testimonies are her own.',
      type: 'string',
      group: 'testimony',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'workflowState',
      title: 'Workflow state',
      description: 'Moved only by the actions: submit, pass or return, record approval, publish, withdraw.',
      type: 'string',
      group: 'testimony',
      // The actions move it, as the consent core's workflow table allows; the lake refuses any other change.
      readOnly: true,
      options: { list: workflowStateOptions, layout: 'radio' },
      initialValue: 'drafting',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'review',
      title: 'Passed for read-back',
      description: 'The supervisor who passed it for read-back, and when. Set by “Ready for read-back”.',
      type: 'object',
      group: 'testimony',
      readOnly: true,
      fields: [
        defineField({ name: 'passedBy', title: 'Passed by', type: 'string' }),
        defineField({ name: 'passedAt', title: 'When', type: 'datetime' }),
      ],
    }),
    defineField({
      name: 'sample',
      title: 'Fictional sample',
      description: 'A fictional composite written for demonstration; the site marks it as such.',
      type: 'boolean',
      group: 'testimony',
      initialValue: false,
    }),
    defineField({
      name: 'reviewNotes',
      title: 'Review notes',
      description: 'The supervisor’s comments when a draft is returned. Private.',
      type: 'array',
      group: 'testimony',
      readOnly: true,
      of: [
        defineArrayMember({
          type: 'object',
          name: 'reviewNote',
          fields: [
            defineField({ name: 'note', title: 'Note', type: 'text' }),
            defineField({ name: 'by', title: 'By', type: 'string' }),
            defineField({ name: 'at', title: 'When', type: 'datetime', options: dayFirstWithTime }),
          ],
          preview: { select: { title: 'note', subtitle: 'by' } },
        }),
      ],
    }),
    defineField({ name: 'title', title: 'Her own title', type: 'localeString', group: 'testimony' }),
    defineField({ name: 'body', title: 'Testimony, in the first person', type: 'localeTestimonyText', group: 'testimony' }),
    defineField({ name: 'hopes', title: 'What I hope this testimony achieves', type: 'localeText', group: 'testimony' }),
    defineField({
      name: 'publicVersion',
      title: 'Public version (anonymised)',
      description: 'No name, village, commune or district; the province at most. It needs its own approval.',
      type: 'object',
      group: 'public',
      fields: [
        defineField({ name: 'title', title: 'Public title', type: 'localeString' }),
        defineField({
          name: 'byline',
          title: 'Byline when anonymous',
          description: 'For example “A woman from Takeo province”.',
          type: 'localeString',
        }),
        defineField({ name: 'firstName', title: 'First name, if she allows it', type: 'localeString' }),
        defineField({ name: 'body', title: 'Public text', type: 'localeTestimonyText' }),
        defineField({ name: 'hopes', title: 'What I hope this testimony achieves (public)', type: 'localeText' }),
        defineField({
          name: 'recording',
          title: 'Recording of the ceremony reading',
          description: 'Played beside the text only when her consent grants the voice recording scope.',
          type: 'file',
          options: { accept: 'audio/*' },
        }),
      ],
    }),
    defineField({
      name: 'slug',
      title: 'Public address',
      type: 'slug',
      group: 'public',
      options: { source: 'publicVersion.title.en', maxLength: 80 },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'themes',
      title: 'Themes',
      type: 'array',
      group: 'context',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'theme' }] })],
    }),
    defineField({
      name: 'period',
      title: 'Period',
      type: 'object',
      group: 'context',
      options: { columns: 2 },
      fields: [
        defineField({ name: 'from', title: 'From (year)', type: 'number', validation: yearRule }),
        defineField({ name: 'to', title: 'To (year)', type: 'number', validation: yearRule }),
      ],
    }),
    defineField({
      name: 'province',
      title: 'Province',
      description: 'No finer place than the province.',
      type: 'string',
      group: 'context',
      options: { list: provinceOptions },
    }),
    defineField({
      name: 'contentWarnings',
      title: 'Content warnings',
      type: 'array',
      group: 'context',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: contentWarningOptions, layout: 'grid' },
    }),
    defineField({ name: 'ceremony', title: 'Read at the ceremony', type: 'reference', group: 'context', to: [{ type: 'ceremony' }] }),
  ],
  preview: {
    select: { title: 'publicVersion.title.en', subtitle: 'workflowState', km: 'publicVersion.title.km' },
    prepare: ({ title, subtitle, km }: Record<string, unknown>) => ({
      title: textOf(title) ?? textOf(km) ?? 'Untitled testimony',
      subtitle: workflowStateOptions.find((state) => state.value === subtitle)?.title ?? textOf(subtitle),
    }),
  },
})

/** A preview's selected value when it is text, else undefined. */
const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
