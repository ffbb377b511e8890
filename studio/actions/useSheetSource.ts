// The archive's name and hotline for the read-back sheet, from its published site settings: read
// once per Studio session (they rarely change) and checked with zod; the sheet is printed without
// them when they can not be read.
import { useEffect, useState } from 'react'
import { useClient, type SanityClient } from 'sanity'
import { z } from 'zod'
import type { SheetSource } from '../workflow/index.ts'
import { publishedOnly, apiVersion } from '../../core/index.ts'

const query = `*[_type == "siteSettings" && ${publishedOnly}][0]{title, "hotline": hotline->{phone, name}}`
const localised = z.object({ km: z.string().nullish(), en: z.string().nullish() }).partial()
const settings = z
  .object({ title: localised.nullish(), hotline: z.object({ phone: z.string(), name: localised.nullish() }).nullish() })
  .nullable()

let read: Promise<SheetSource | null> | null = null

function readSource(client: SanityClient): Promise<SheetSource | null> {
  read ??= client
    .fetch<unknown>(query, {}, { perspective: 'published' })
    .then((answer) => {
      const parsed = settings.safeParse(answer)
      if (!parsed.success || !parsed.data) return null
      const { title, hotline } = parsed.data
      return { archive: title ?? {}, hotline: hotline ? { phone: hotline.phone, name: hotline.name ?? {} } : null }
    })
    .catch(() => {
      read = null
      return null
    })
  return read
}

export function useSheetSource(): SheetSource | null {
  const client = useClient({ apiVersion })
  const [source, setSource] = useState<SheetSource | null>(null)
  useEffect(() => {
    let current = true
    void readSource(client).then((found) => current && setSource(found))
    return () => {
      current = false
    }
  }, [client])
  return source
}
