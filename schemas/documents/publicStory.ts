// The public story of a testimony: what the site shows of it, and the consent the site re-checks,
// written by publishing, withdrawing and approving (never typed), read by the publisher instead of
// the testimony. Nothing private: no survivor, therapist, full text, review notes or first name
// she has not allowed (core/publicStory.ts says what goes in).
import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe'
import { defineArrayMember, defineField, defineType } from '@sanity/types'

export const publicStory = defineType({
  name: 'publicStory',
  title: 'Public story (written by publishing)',
  type: 'document',
  icon: EarthGlobeIcon,
  readOnly: true,
  fields: [
    defineField({ name: 'testimonyId', title: 'Testimony (id)', type: 'string' }),
    defineField({ name: 'slug', title: 'Public address', type: 'string' }),
    defineField({
      name: 'story',
      title: 'What the site shows',
      type: 'object',
      fields: [
        defineField({ name: 'slug', title: 'Public address', type: 'string' }),
        defineField({ name: 'form', title: 'Form', type: 'string' }),
      ],
    }),
    defineField({ name: 'recording', title: 'Recording of the ceremony reading', type: 'file' }),
    defineField({
      name: 'consents',
      title: 'Her consent records, as the site checks them',
      type: 'array',
      of: [
        defineArrayMember({
          type: 'object',
          name: 'consentView',
          title: 'Consent record',
          fields: [defineField({ name: 'dateGiven', title: 'Date given', type: 'date' })],
        }),
      ],
    }),
  ],
  preview: { select: { title: 'slug', subtitle: 'testimonyId' } },
})
