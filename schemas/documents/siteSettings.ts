// The site's own words: programme name, about text, the hotline shown on every page.
import { CogIcon } from '@sanity/icons/Cog'
import { defineField, defineType } from '@sanity/types'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    defineField({ name: 'title', title: 'Site title', type: 'localeString', validation: (rule) => rule.required() }),
    defineField({ name: 'tagline', title: 'Tagline', type: 'localeString' }),
    defineField({ name: 'about', title: 'About testimonial therapy and the programme', type: 'localeText' }),
    defineField({
      name: 'hotline',
      title: 'Support hotline shown on every page',
      type: 'reference',
      to: [{ type: 'supportService' }],
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'sampleNotice', title: 'Notice shown while the archive holds sample content', type: 'localeString' }),
  ],
})
