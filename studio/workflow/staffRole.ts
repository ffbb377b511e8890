// Who the signed-in person is in the programme, read from the roles of the backend's user (lake
// role names, or hosted Sanity roles named the same). Unknown roles get the least: therapist.
export const staffRoles = ['therapist', 'supervisor', 'administrator'] as const
export type StaffRole = (typeof staffRoles)[number]

export function staffRole(roleNames: ReadonlyArray<string>): StaffRole {
  if (roleNames.includes('administrator')) return 'administrator'
  if (roleNames.includes('supervisor')) return 'supervisor'
  return 'therapist'
}

/** Supervisors and administrators see and review everyone's work. */
export function seesEveryone(role: StaffRole): boolean {
  return role !== 'therapist'
}
