// The archive's staff as the backend lists them: the project's members and their names (the lake
// answers from its accounts; hosted Sanity from the project's members). Asked once per Studio.
import type { SanityClient } from 'sanity'
import { z } from 'zod'

export interface StaffMember {
  id: string
  name: string
  roles: string[]
}

const project = z.looseObject({
  members: z
    .array(z.looseObject({ id: z.string(), roles: z.array(z.looseObject({ name: z.string() })).optional(), role: z.string().optional() }))
    .optional(),
})
const user = z.looseObject({ id: z.string(), displayName: z.string().nullish() })
const users = z.union([z.array(user.nullable()), user])

let known: Promise<StaffMember[]> | null = null

export function staffMembers(client: SanityClient): Promise<StaffMember[]> {
  known ??= load(client).catch((error: unknown) => {
    known = null
    throw error
  })
  return known
}

async function load(client: SanityClient): Promise<StaffMember[]> {
  const projectId = client.config().projectId ?? ''
  const members =
    project.parse(await client.withConfig({ apiVersion: '2021-12-15' }).request({ url: `/projects/${projectId}` })).members ?? []
  if (members.length === 0) return []
  const answered = users.parse(
    await client.withConfig({ apiVersion: '2021-06-07' }).request({ url: `/users/${members.map((m) => m.id).join(',')}` }),
  )
  const names = new Map(
    (Array.isArray(answered) ? answered : [answered]).flatMap((u) => (u ? [[u.id, u.displayName ?? u.id] as const] : [])),
  )
  return members.map((member) => ({
    id: member.id,
    name: names.get(member.id) ?? member.id,
    roles: member.roles?.map((role) => role.name) ?? (member.role ? [member.role] : []),
  }))
}

/** The people a case can be given to: the therapists. */
export function therapists(members: ReadonlyArray<StaffMember>): StaffMember[] {
  return members.filter((member) => member.roles.includes('therapist')).sort((a, b) => a.name.localeCompare(b.name))
}
