// Bilingual fields for what readers see: Khmer first, English second, each optional on its own
// (a story may exist in one language only).
import { defineArrayMember, defineField, defineType } from '@sanity/types'

const languages = [
  { id: 'km', title: 'Khmer (ខ្មែរ)' },
  { id: 'en', title: 'English' },
] as const

export const localeString = defineType({
  name: 'localeString',
  title: 'Text in Khmer and English',
  type: 'object',
  options: { columns: 2 },
  fields: languages.map((language) => defineField({ name: language.id, title: language.title, type: 'string' })),
})

export const localeText = defineType({
  name: 'localeText',
  title: 'Longer text in Khmer and English',
  type: 'object',
  fields: languages.map((language) => defineField({ name: language.id, title: language.title, type: 'text', rows: 4 })),
})

export const localeStringList = defineType({
  name: 'localeStringList',
  title: 'List in Khmer and English',
  type: 'object',
  fields: languages.map((language) =>
    defineField({ name: language.id, title: language.title, type: 'array', of: [defineArrayMember({ type: 'text', rows: 2 })] }),
  ),
})

/** Plain paragraphs with emphasis only: what a first-person testimony needs, and no more. */
export const testimonyText = defineType({
  name: 'testimonyText',
  title: 'Testimony text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Paragraph', value: 'normal' },
        { title: 'Heading', value: 'h2' },
        { title: 'Quotation', value: 'blockquote' },
      ],
      lists: [],
      marks: {
        decorators: [
          { title: 'Emphasis', value: 'em' },
          { title: 'Strong', value: 'strong' },
        ],
        annotations: [],
      },
    }),
  ],
})

export const localeTestimonyText = defineType({
  name: 'localeTestimonyText',
  title: 'Testimony text in Khmer and English',
  type: 'object',
  fields: languages.map((language) => defineField({ name: language.id, title: language.title, type: 'testimonyText' })),
})
