// `npm run lake -- user …`: an administrator's work on staff accounts at the lake's machine. The
// passphrase is read by `readPassphrase` (a hidden prompt, or stdin's first line), never from
// the arguments.
import type { StaffAccounts } from './accounts/staffAccounts.ts'
import { minPassphraseLength } from './accounts/passphrase.ts'
import { staffRoles } from './accounts/accountStore.ts'
import type { ReadPassphrase } from './passphraseInput.ts'

export interface UserCommandInput {
  action: string | undefined
  id: string | undefined
  /** --user, --name and --role of `user add`. */
  user: string | undefined
  name: string | undefined
  role: string | undefined
}

const usage =
  'Use `user add --user ID --name NAME --role ROLE`, `user passwd ID`, `user disable ID` or `user list`; ' +
  'the passphrase is asked for (or read from the first line of stdin)'

export async function userCommand(
  staff: StaffAccounts,
  input: UserCommandInput,
  out: (line: string) => void,
  readPassphrase: ReadPassphrase,
): Promise<void> {
  const now = new Date()
  const prompt = `Passphrase (at least ${minPassphraseLength} characters)`
  if (input.action === 'add') {
    if (!input.user) throw new Error('--user is required: the id documents name the person by, e.g. --user therapist-sovann')
    if (!input.role) throw new Error(`--role is required: one of ${staffRoles.join(', ')}`)
    const userId = input.user
    const account = { userId, name: input.name ?? '', role: input.role }
    staff.accounts.refuseNew(account)
    const passphrase = await readPassphrase(`${prompt} for ${userId}`)
    const added = await staff.add({ ...account, passphrase, now })
    out(`Added ${added.id} (${added.role}): ${added.name}. Sign in at the Studio with this user id and the passphrase.`)
  } else if (input.action === 'passwd') {
    const userId = input.id ?? ''
    if (!userId) throw new Error('Say whose passphrase to change: `user passwd ID` (ids are in `user list`)')
    staff.accounts.existing(userId)
    const ended = await staff.changePassphrase(userId, await readPassphrase(`New ${prompt.toLowerCase()} for ${userId}`), now)
    out(`New passphrase set for ${userId}; a lock after wrong passphrases is lifted, and ${ended} open session(s) ended.`)
  } else if (input.action === 'disable') {
    const userId = input.id ?? ''
    if (!userId) throw new Error('Say which account to disable: `user disable ID` (ids are in `user list`)')
    const ended = staff.disable(userId, now)
    out(`Disabled ${userId}: the account can no longer sign in, and ${ended} open session(s) ended.`)
  } else if (input.action === 'list') {
    for (const account of staff.list(now)) {
      const state = account.disabledAt
        ? `disabled ${account.disabledAt}`
        : account.lockedUntil
          ? `locked until ${account.lockedUntil}`
          : `active, ${account.openSessions} session(s)`
      out(`${account.id.padEnd(24)} ${account.role.padEnd(13)} ${account.name}  (${state})`)
    }
  } else {
    throw new Error(usage)
  }
}
