// A lesson for schools, universities or communities built on published testimonies.
import { BookIcon } from '@sanity/icons/Book'
import { defineArrayMember, defineField, defineType } from '@sanity/types'

export const lesson = defineType({
  name: 'lesson',
  title: 'Lesson',
  type: 'document',
  icon: BookIcon,
  fields: [
    defineField({ name: 'title', title: 'Title', type: 'localeString', validation: (rule) => rule.required() }),
    defineField({
      name: 'slug',
      title: 'Public address',
      type: 'slug',
      options: { source: 'title.en' },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'audience',
      title: 'Audience',
      type: 'string',
      options: {
        list: [
          { title: 'Secondary school', value: 'secondary' },
          { title: 'University', value: 'university' },
          { title: 'Community', value: 'community' },
        ],
      },
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'objectives', title: 'Objectives', type: 'localeStringList' }),
    defineField({ name: 'questions', title: 'Discussion questions', type: 'localeStringList' }),
    defineField({
      name: 'themes',
      title: 'Related themes',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'theme' }] })],
    }),
    defineField({
      name: 'testimonies',
      title: 'Related testimonies',
      description: 'Only those published with consent for teaching appear on the site.',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', weak: true, to: [{ type: 'testimony' }] })],
    }),
    defineField({ name: 'today', title: 'Gender-based violence today, and where to get help', type: 'localeText' }),
  ],
  preview: { select: { title: 'title.en', subtitle: 'audience' } },
})
