// A new case record names its therapist from who is signed in: a therapist's survivor, testimony or
// follow-up call is hers from the first keystroke (the lake lets her write only records that name
// her). A supervisor or an administrator chooses the therapist in the form.
import type { CurrentUser, InitialValueResolverContext } from '@sanity/types'
import type { Template } from 'sanity'
import { staffRole } from '../workflow/index.ts'

/** The field of each case record type that names its therapist. */
export const therapistField: Readonly<Record<string, string>> = {
  survivor: 'assignedTherapist',
  testimony: 'therapist',
  consentRecord: 'therapist',
  followUp: 'therapist',
}

export function ownerOf(type: string, user: CurrentUser | null | undefined): Record<string, string> {
  const field = therapistField[type]
  if (!field || !user || staffRole(user.roles.map((r) => r.name)) !== 'therapist') return {}
  return { [field]: user.id }
}

/** The Studio's templates, each filling in the signed-in therapist where its type names one. */
export function withOwner(templates: Template[]): Template[] {
  return templates.map((template) => {
    if (!therapistField[template.schemaType]) return template
    const original = template.value
    return {
      ...template,
      value: async (params: unknown, context: InitialValueResolverContext) => {
        const base: unknown = typeof original === 'function' ? await original(params, context) : original
        return { ...(base && typeof base === 'object' ? base : {}), ...ownerOf(template.schemaType, context.currentUser) }
      },
    }
  })
}
