// The survivor record: private. It never leaves the archive, and only her therapist and the
// supervisors may read it (the lake's grants enforce that).
import { LockIcon } from '@sanity/icons/Lock'
import { defineField, defineType } from '@sanity/types'
import { namesSignedInTherapist } from '../ownRecord.ts'
import { provinceOptions, survivorLanguages } from '../vocabulary.ts'

export const survivor = defineType({
  name: 'survivor',
  title: 'Survivor (private)',
  type: 'document',
  icon: LockIcon,
  // A private record saves as it is typed: nothing of it is ever "published".
  liveEdit: true,
  initialValue: namesSignedInTherapist('assignedTherapist'),
  fields: [
    defineField({ name: 'name', title: 'Full name', type: 'string', validation: (rule) => rule.required() }),
    defineField({
      name: 'pseudonym',
      title: 'Pseudonym',
      description: 'Used inside the programme when the name should not be said aloud.',
      type: 'string',
    }),
    defineField({
      name: 'sex',
      title: 'Sex',
      type: 'string',
      options: {
        list: [
          { title: 'Female', value: 'female' },
          { title: 'Male', value: 'male' },
          { title: 'Other', value: 'other' },
        ],
        layout: 'radio',
      },
    }),
    defineField({ name: 'birthYear', title: 'Year of birth', type: 'number', validation: (rule) => rule.integer().min(1900).max(1979) }),
    defineField({ name: 'village', title: 'Village', type: 'string' }),
    defineField({ name: 'commune', title: 'Commune', type: 'string' }),
    defineField({ name: 'district', title: 'District', type: 'string' }),
    defineField({ name: 'province', title: 'Province', type: 'string', options: { list: provinceOptions } }),
    defineField({
      name: 'phone',
      title: 'Phone',
      type: 'string',
      validation: (rule) => rule.regex(/^[+0-9 ()-]{6,20}$/, { name: 'phone number' }),
    }),
    defineField({ name: 'ecccCivilPartyNumber', title: 'ECCC civil party number', type: 'string' }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      options: { list: survivorLanguages, layout: 'radio' },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'literacy',
      title: 'Reading',
      description: 'How the read-back and the consent should be done.',
      type: 'string',
      options: {
        list: [
          { title: 'Does not read', value: 'none' },
          { title: 'Reads a little', value: 'basic' },
          { title: 'Reads well', value: 'fluent' },
        ],
      },
    }),
    defineField({
      name: 'assignedTherapist',
      title: 'Assigned therapist',
      description: 'Her therapist: who may see and write her records. A therapist’s new records are her own.',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
  ],
  preview: { select: { title: 'pseudonym', subtitle: 'province' } },
})
