// Where survivors and readers can get help: the programme's hotline, clinics, counselling.
import { HelpCircleIcon } from '@sanity/icons/HelpCircle'
import { defineField, defineType } from '@sanity/types'

export const supportService = defineType({
  name: 'supportService',
  title: 'Support service',
  type: 'document',
  icon: HelpCircleIcon,
  fields: [
    defineField({ name: 'name', title: 'Name', type: 'localeString', validation: (rule) => rule.required() }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      options: {
        list: [
          { title: 'Hotline', value: 'hotline' },
          { title: 'Clinic', value: 'clinic' },
          { title: 'Counselling', value: 'counselling' },
        ],
      },
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'phone', title: 'Public phone number', type: 'string', validation: (rule) => rule.required() }),
    defineField({ name: 'hours', title: 'Opening hours', type: 'localeString' }),
    defineField({ name: 'description', title: 'Description', type: 'localeText' }),
  ],
  preview: { select: { title: 'name.en', subtitle: 'phone' } },
})
