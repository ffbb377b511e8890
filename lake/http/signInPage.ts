// The archive's sign-in page, served by the lake and opened by the Studio's login screen: a small
// bilingual form (Khmer first, then English), styled inline, with no script and nothing loaded from
// any host, under a strict content security policy.
import { createHash } from 'node:crypto'
import { sessionIdleLimitMs } from '../accounts/sessionStore.ts'
import { lockoutMs } from '../accounts/signInThrottle.ts'

export type SignInNotice = 'wrong' | 'locked' | 'no-return' | 'incomplete' | 'foreign-form'

export interface SignInPageInput {
  /** The Studio address to return to; without one, the page says to open the Studio instead. */
  returnTo: string | null
  /** What the person typed as her user name, shown again after a refusal. */
  userName?: string
  notice?: SignInNotice
  /** For a locked name: whole minutes until the lock ends. */
  lockedMinutes?: number
}

interface Words {
  km: string
  en: string
}

const khmerDigits = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)))
const idleHours = sessionIdleLimitMs / 3_600_000

const words = {
  archive: { km: 'ប័ណ្ណសារសក្ខីកម្ម', en: 'Testimony Archive' },
  title: { km: 'ចូលប្រើប័ណ្ណសារ', en: 'Sign in to the archive' },
  user: { km: 'ឈ្មោះអ្នកប្រើ', en: 'User name' },
  passphrase: { km: 'ពាក្យសម្ងាត់', en: 'Passphrase' },
  submit: { km: 'ចូល', en: 'Sign in' },
  stay: {
    km: `អ្នកនៅតែចូលរហូតដល់អ្នកចាកចេញ ឬក្រោយ ${khmerDigits(idleHours)} ម៉ោងដោយមិនប្រើ។`,
    en: `You stay signed in until you sign out, or until ${idleHours} hours without use.`,
  },
  forgot: {
    km: 'ភ្លេចពាក្យសម្ងាត់? សូមសុំអ្នកគ្រប់គ្រងប្រព័ន្ធឲ្យកំណត់ពាក្យសម្ងាត់ថ្មី។',
    en: 'Forgotten your passphrase? Ask an administrator to set a new one.',
  },
} satisfies Record<string, Words>

function notice(input: SignInPageInput): Words | null {
  const minutes = input.lockedMinutes ?? lockoutMs / 60_000
  const notices: Record<SignInNotice, Words> = {
    wrong: {
      km: 'ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ។ សូមព្យាយាមម្តងទៀត។',
      en: 'The user name or the passphrase is not right. Please try again.',
    },
    locked: {
      km: `គណនីនេះត្រូវបានចាក់សោមួយរយៈ បន្ទាប់ពីពាក្យសម្ងាត់ខុសច្រើនដង។ សូមព្យាយាមម្តងទៀតក្រោយ ${khmerDigits(minutes)} នាទី ឬសុំអ្នកគ្រប់គ្រងប្រព័ន្ធឲ្យកំណត់ពាក្យសម្ងាត់ថ្មី។`,
      en: `This account is locked for a while after several wrong passphrases. Try again in ${minutes} minutes, or ask an administrator to set a new passphrase.`,
    },
    'no-return': {
      km: 'សូមបើក Studio ហើយចូលពីទីនោះ។ ទំព័រនេះមិនអាចបញ្ជូនអ្នកទៅអាសយដ្ឋានដែលវាបានទទួលទេ។',
      en: 'Open the Studio and sign in from there. This page can not send you on to the address it was given.',
    },
    incomplete: {
      km: 'សូមបំពេញឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់។',
      en: 'Please fill in your user name and your passphrase.',
    },
    'foreign-form': {
      km: 'សូមចូលពីទំព័រចូលរបស់ប័ណ្ណសារផ្ទាល់។',
      en: 'Please sign in from the archive’s own sign-in page.',
    },
  }
  return input.notice ? notices[input.notice] : null
}

const css = `
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f4f1ea;color:#1f1b16;
font:18px/1.6 "Noto Sans Khmer","Khmer OS System","Khmer OS",system-ui,sans-serif}
main{width:min(26rem,100% - 2rem);background:#fff;border-radius:8px;padding:1.5rem 1.75rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin:0 0 1rem;line-height:1.4}h1 small{display:block;font-size:.8rem;color:#6b6256;font-weight:400}
label{display:block;margin-top:1rem;font-weight:600}.en{display:block;font-weight:400;font-size:.85em;color:#5a5248}
input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem .6rem;margin-top:.25rem;border:1px solid #8a8175;border-radius:6px}
input:focus,button:focus{outline:3px solid #2f6f8f;outline-offset:1px}
button{margin-top:1.5rem;width:100%;font:inherit;font-weight:600;padding:.6rem;border:0;border-radius:6px;background:#2f5d50;color:#fff;cursor:pointer}
.notice{border-left:4px solid #a33b20;background:#fbeee9;padding:.5rem .75rem;margin:0 0 .5rem}
.help{font-size:.85rem;color:#5a5248;margin-top:1.25rem}`

/** The page's policy: its one inline style, a form that posts here or to the Studio, nothing else. */
export function signInPagePolicy(returnTo: string | null): string {
  const formTargets = ["'self'", ...(returnTo ? [new URL(returnTo).origin] : [])].join(' ')
  const style = createHash('sha256').update(css).digest('base64')
  return `default-src 'none'; style-src 'sha256-${style}'; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
const both = (w: Words) => `${escape(w.km)}<span class="en" lang="en">${escape(w.en)}</span>`

export function signInPage(input: SignInPageInput): string {
  const said = notice(input)
  const alert = said ? `<p class="notice" id="notice" role="alert">${both(said)}</p>` : ''
  const form = input.returnTo
    ? `<form method="post">
<input type="hidden" name="origin" value="${escape(input.returnTo)}">
<label for="user">${both(words.user)}</label>
<input id="user" name="user" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escape(input.userName ?? '')}"${said ? ' aria-describedby="notice"' : ''}>
<label for="passphrase">${both(words.passphrase)}</label>
<input id="passphrase" name="passphrase" type="password" autocomplete="current-password" required>
<button type="submit">${escape(words.submit.km)} · <span lang="en">${escape(words.submit.en)}</span></button>
</form>
<p class="help">${both(words.stay)}</p>
<p class="help">${both(words.forgot)}</p>`
    : ''
  return `<!doctype html>
<html lang="km">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(words.title.km)} · ${escape(words.title.en)}</title>
<style>${css}</style></head>
<body><main>
<h1>${both(words.title)}<small>${escape(words.archive.km)} · <span lang="en">${escape(words.archive.en)}</span></small></h1>
${alert}${form}
</main></body></html>
`
}
