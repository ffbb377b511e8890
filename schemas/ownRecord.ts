// A new case record names the therapist who starts it: the field that says whose record it is
// (and what lets her see and write it) starts as the signed-in therapist's own user id.
import type { InitialValueResolverContext } from '@sanity/types'

/** A document type's initial value: `field` set to the signed-in user's id when she is a therapist. */
export function namesSignedInTherapist(field: 'therapist' | 'assignedTherapist') {
  return (_params: unknown, context: InitialValueResolverContext): Record<string, string> => {
    const user = context.currentUser
    // Supervisors choose the therapist; a therapist's own records can only name her.
    return user && user.roles.some((role) => role.name === 'therapist') ? { [field]: user.id } : {}
  }
}
