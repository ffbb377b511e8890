// The trace an erasure leaves: that a testimony was erased, when and by whom, and how much went.
// No content: the text, the names and the consent records are gone with their history.
import { TrashIcon } from '@sanity/icons/Trash'
import { defineField, defineType } from '@sanity/types'
import { dayFirst } from '../vocabulary.ts'

export const erasureRecord = defineType({
  name: 'erasureRecord',
  title: 'Erasure record',
  type: 'document',
  icon: TrashIcon,
  readOnly: true,
  fields: [
    defineField({ name: 'testimonyId', title: 'Erased testimony (id)', type: 'string' }),
    defineField({ name: 'date', title: 'Date', type: 'date', options: dayFirst }),
    defineField({ name: 'erasedBy', title: 'Erased by', type: 'string' }),
    defineField({ name: 'documentsRemoved', title: 'Documents removed', type: 'number' }),
    defineField({ name: 'assetsRemoved', title: 'Images and files removed', type: 'number' }),
  ],
  preview: { select: { title: 'date', subtitle: 'testimonyId' } },
})
