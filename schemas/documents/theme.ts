// A theme of the programme, for example forced marriage, used to group stories and lessons.
import { TagIcon } from '@sanity/icons/Tag'
import { defineField, defineType } from '@sanity/types'

export const theme = defineType({
  name: 'theme',
  title: 'Theme',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({ name: 'title', title: 'Title', type: 'localeString', validation: (rule) => rule.required() }),
    defineField({
      name: 'slug',
      title: 'Public address',
      type: 'slug',
      options: { source: 'title.en' },
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'description', title: 'Description', type: 'localeText' }),
  ],
  preview: { select: { title: 'title.en', subtitle: 'title.km' } },
})
