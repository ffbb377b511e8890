// The public story of a testimony: what the site shows of it, and the consent the site re-checks,
// written by publishing, withdrawing and approving (never typed), read by the publisher instead of
// the testimony. Nothing private: no survivor, therapist, full text, review notes or first name she
// has not allowed. Its shape is core's (core/publicStory.ts, checked with zod wherever it is read);
// the schema names it for the Studio and lists the two fields a person might look for.
import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe'
import { defineField, defineType } from '@sanity/types'

export const publicStory = defineType({
  name: 'publicStory',
  title: 'Public story (written by publishing)',
  type: 'document',
  icon: EarthGlobeIcon,
  readOnly: true,
  // Not something staff look for: it is the testimony's, written when she allows publication.
  __experimental_omnisearch_visibility: false,
  fields: [
    defineField({ name: 'testimonyId', title: 'Testimony (id)', type: 'string' }),
    defineField({ name: 'slug', title: 'Public address', type: 'string' }),
  ],
  preview: { select: { title: 'slug', subtitle: 'testimonyId' } },
})
