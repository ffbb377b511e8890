// A term readers may not know (ECCC, Civil Party, forced marriage, …), explained in both languages.
import { TextIcon } from '@sanity/icons/Text'
import { defineField, defineType } from '@sanity/types'

export const glossaryTerm = defineType({
  name: 'glossaryTerm',
  title: 'Glossary term',
  type: 'document',
  icon: TextIcon,
  fields: [
    defineField({ name: 'term', title: 'Term', type: 'localeString', validation: (rule) => rule.required() }),
    defineField({ name: 'definition', title: 'Definition', type: 'localeText', validation: (rule) => rule.required() }),
  ],
  preview: { select: { title: 'term.en', subtitle: 'term.km' } },
})
