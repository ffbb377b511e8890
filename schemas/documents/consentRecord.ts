// The survivor's consent for one testimony: each scope on its own, how and in which language it
// was given, before whom, until when, and the hashes of the exact texts she approved. What the
// consent gate reads (scopes, dates, hashes, withdrawals) is written only by the Studio's actions
// (recording her approval from the signed sheet, withdrawing): read-only in the form, so that no
// one widens or extends her consent by typing.
import { CheckmarkCircleIcon } from '@sanity/icons/CheckmarkCircle'
import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { stringField, witnessName } from '../documentField.ts'
import { namesSignedInTherapist } from '../ownRecord.ts'
import { consentMethods, dayFirst, scopeOptions, survivorLanguages, textHashPattern } from '../vocabulary.ts'

const hashes = (name: string, title: string, description: string) =>
  defineField({
    name,
    title,
    description,
    type: 'object',
    readOnly: true,
    fields: ['km', 'en'].map((language) =>
      defineField({
        name: language,
        title: language === 'km' ? 'Khmer' : 'English',
        type: 'string',
        validation: (rule) => rule.regex(textHashPattern, { name: 'text hash' }),
      }),
    ),
  })

export const consentRecord = defineType({
  name: 'consentRecord',
  title: 'Consent record',
  type: 'document',
  icon: CheckmarkCircleIcon,
  initialValue: namesSignedInTherapist('therapist'),
  fields: [
    defineField({
      name: 'testimony',
      title: 'Testimony',
      type: 'reference',
      weak: true,
      to: [{ type: 'testimony' }],
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'scopes',
      title: 'What she agreed to',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: scopeOptions, layout: 'grid' },
      readOnly: true,
    }),
    defineField({
      name: 'method',
      title: 'How she gave it',
      type: 'string',
      options: { list: consentMethods, layout: 'radio' },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'explainedIn',
      title: 'Explained in',
      type: 'string',
      options: { list: [...survivorLanguages, { title: 'English', value: 'en' }] },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'witness',
      title: 'Witness',
      type: 'object',
      fields: [defineField({ name: 'name', title: 'Name', type: 'string' }), defineField({ name: 'role', title: 'Role', type: 'string' })],
    }),
    defineField({
      name: 'dateGiven',
      title: 'Date given',
      type: 'date',
      options: dayFirst,
      readOnly: true,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'reviewDate',
      title: 'Review date',
      description: 'Consent is reviewed with her, not given for ever; a review is a new approval recorded from a new sheet.',
      type: 'date',
      options: dayFirst,
      readOnly: true,
      validation: (rule) =>
        rule.required().custom((reviewDate: string | undefined, context) => {
          const given = stringField(context.document, 'dateGiven')
          // In both languages; the Studio shows the one of the user's locale.
          return reviewDate && given && reviewDate <= given
            ? {
                'en-US': 'The review date must come after the date the consent was given.',
                'km-KH': 'កាលបរិច្ឆេទពិនិត្យឡើងវិញត្រូវតែក្រោយកាលបរិច្ឆេទផ្តល់ការយល់ព្រម។',
              }
            : true
        }),
    }),
    defineField({
      name: 'notBefore',
      title: 'Not published before',
      description:
        'The day from which she allows her story to be public, if she asked to wait (after a trial, a family event). Published in the archive before then, it appears on the website on that day by itself.',
      type: 'date',
      options: dayFirst,
      readOnly: true,
    }),
    defineField({
      name: 'therapist',
      title: 'Therapist',
      description: 'The therapist of the testimony; set when the approval is recorded, and what lets her see this record.',
      type: 'string',
      readOnly: true,
    }),
    defineField({ name: 'recordedBy', title: 'Recorded by', type: 'string', readOnly: true }),
    hashes('approvedText', 'Approved testimony text (hash)', 'Set when her approval is recorded from the read-back sheet.'),
    hashes('approvedPublicText', 'Approved public version (hash)', 'Set when her approval of the public version is recorded.'),
    defineField({
      name: 'withdrawals',
      title: 'Withdrawals',
      description: 'Recorded with “Withdraw consent” on the testimony.',
      type: 'array',
      readOnly: true,
      of: [
        defineArrayMember({
          type: 'object',
          name: 'withdrawal',
          fields: [
            defineField({ name: 'date', title: 'Date', type: 'date', options: dayFirst, validation: (rule) => rule.required() }),
            defineField({ name: 'method', title: 'How', type: 'string' }),
            defineField({
              name: 'therapist',
              title: 'Therapist',
              description: 'The therapist of the testimony; set when the approval is recorded, and what lets her see this record.',
              type: 'string',
              readOnly: true,
            }),
            defineField({ name: 'recordedBy', title: 'Recorded by', type: 'string' }),
            defineField({
              name: 'scopes',
              title: 'Withdrawn scopes',
              type: 'array',
              of: [defineArrayMember({ type: 'string' })],
              options: { list: scopeOptions },
            }),
          ],
        }),
      ],
    }),
  ],
  // On the document, not the field: a rule on an empty field does not run, and an empty witness is the case.
  validation: (rule) =>
    rule.custom((document) =>
      stringField(document, 'method') === 'spokenWitnessed' && !witnessName(document)
        ? { message: 'Spoken consent needs the name of its witness.', path: ['witness'] }
        : true,
    ),
  preview: { select: { title: 'testimony.publicVersion.title.en', subtitle: 'dateGiven' } },
})
