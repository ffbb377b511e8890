// The signed-in person: their user id (what documents store as therapist or recordedBy) and role.
import { useCurrentUser } from 'sanity'
import { staffRole, type StaffRole } from '../workflow/index.ts'

export function useStaff(): { id: string; role: StaffRole } | null {
  const user = useCurrentUser()
  return user ? { id: user.id, role: staffRole(user.roles.map((r) => r.name)) } : null
}

export { todayIso } from '../programmeToday.ts'
export const newKey = (): string => crypto.randomUUID().replace(/-/g, '').slice(0, 12)
