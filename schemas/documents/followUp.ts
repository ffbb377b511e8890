// An aftercare call: the programme phones each client twice a month after the intervention.
import { ClockIcon } from '@sanity/icons/Clock'
import { defineField, defineType } from '@sanity/types'
import { dayFirst } from '../vocabulary.ts'
import { namesSignedInTherapist } from '../ownRecord.ts'

export const followUp = defineType({
  name: 'followUp',
  title: 'Follow-up call',
  type: 'document',
  icon: ClockIcon,
  // A private record saves as it is typed: nothing of it is ever "published".
  liveEdit: true,
  initialValue: namesSignedInTherapist('therapist'),
  fields: [
    defineField({
      name: 'survivor',
      title: 'Survivor',
      type: 'reference',
      to: [{ type: 'survivor' }],
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'testimony', title: 'Testimony', type: 'reference', weak: true, to: [{ type: 'testimony' }] }),
    defineField({
      name: 'therapist',
      title: 'Therapist',
      description: 'Who makes the call. A therapist’s new calls are her own.',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'due', title: 'Due', type: 'date', options: dayFirst, validation: (rule) => rule.required() }),
    defineField({ name: 'done', title: 'Done', type: 'boolean', initialValue: false }),
    defineField({ name: 'outcome', title: 'Outcome', type: 'text', rows: 3 }),
  ],
  preview: {
    select: { title: 'due', subtitle: 'therapist', done: 'done' },
    prepare: ({ title, subtitle, done }: Record<string, unknown>) => ({
      title: `${done ? '✓' : '○'} ${typeof title === 'string' ? title : ''}`,
      subtitle: typeof subtitle === 'string' ? subtitle : undefined,
    }),
  },
})
