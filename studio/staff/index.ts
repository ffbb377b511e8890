// The archive's people in the Studio: the list of staff and the therapist picker.
export { staffMembers, therapists, type StaffMember } from './staffMembers.ts'
export { StaffMemberInput } from './StaffMemberInput.tsx'
