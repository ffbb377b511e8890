// A ceremony at which testimonies were read aloud and handed to their authors.
import { CalendarIcon } from '@sanity/icons/Calendar'
import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { dayFirst } from '../vocabulary.ts'

export const ceremony = defineType({
  name: 'ceremony',
  title: 'Ceremony',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    defineField({ name: 'date', title: 'Date', type: 'date', options: dayFirst, validation: (rule) => rule.required() }),
    defineField({
      name: 'placeKind',
      title: 'Kind of place',
      type: 'string',
      options: {
        list: [
          { title: 'Pagoda', value: 'pagoda' },
          { title: 'Killing field memorial', value: 'killingField' },
          { title: 'Mosque', value: 'mosque' },
          { title: 'Other', value: 'other' },
        ],
        layout: 'radio',
      },
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'place', title: 'Place', type: 'localeString', validation: (rule) => rule.required() }),
    defineField({ name: 'participants', title: 'Participants', type: 'localeText' }),
    defineField({ name: 'description', title: 'Description', type: 'localeText' }),
    defineField({
      name: 'photo',
      title: 'Photograph of the place',
      description: 'No faces of survivors unless the photograph scope of their consent allows it.',
      type: 'image',
      fields: [
        defineField({
          name: 'alt',
          title: 'Description for readers who can not see it (alt text)',
          type: 'localeString',
          validation: (rule) => rule.required(),
        }),
      ],
    }),
    defineField({
      name: 'testimonies',
      title: 'Testimonies read',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', weak: true, to: [{ type: 'testimony' }] })],
    }),
  ],
  preview: { select: { title: 'place.en', subtitle: 'date' } },
})
