// Where the command line reads a passphrase: typed at a hidden prompt when stdin is a terminal,
// else the first line of stdin, so that scripts and tests can pipe it. Never from the arguments,
// which any user of the machine can read in `ps`.
import type { Readable } from 'node:stream'

export type ReadPassphrase = (prompt: string) => Promise<string>

/** The first line of a stream (without its line ending); the rest is not read. */
export function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const done = (line: string) => {
      stream.off('data', onData)
      stream.off('end', onEnd)
      stream.off('error', reject)
      stream.pause()
      resolve(line.replace(/\r$/, ''))
    }
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString()
      const end = text.indexOf('\n')
      if (end >= 0) done(text.slice(0, end))
    }
    const onEnd = () => done(text)
    stream.on('data', onData)
    stream.once('end', onEnd)
    stream.once('error', reject)
  })
}

/**
 * Reads one line per prompt from the terminal without showing them; Ctrl-C gives up. One raw-mode
 * session for all, so that a pasted "passphrase⏎passphrase⏎" fills both.
 */
function hiddenLines(prompts: ReadonlyArray<string>): Promise<string[]> {
  const input = process.stdin
  const lines: string[] = []
  let typed = ''
  process.stderr.write(prompts[0] ?? '')
  input.setRawMode(true)
  input.resume()
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null) => {
      input.setRawMode(false)
      input.pause()
      input.off('data', onData)
      if (error) reject(error)
      else resolve(lines)
    }
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\u0003') return finish(new Error('Cancelled; nothing was changed'))
        if (character === '\r' || character === '\n') {
          lines.push(typed)
          typed = ''
          process.stderr.write('\n')
          if (lines.length === prompts.length) return finish(null)
          process.stderr.write(prompts[lines.length] ?? '')
        } else if (character === '\u007f' || character === '\b') typed = [...typed].slice(0, -1).join('')
        else if (character >= ' ') typed += character
      }
    }
    input.on('data', onData)
  })
}

/** A passphrase typed once at the terminal, not shown (to open something, not to set it). */
export async function askHidden(prompt: string): Promise<string> {
  const [line] = await hiddenLines([`${prompt}: `])
  return line ?? ''
}

/** The passphrase reader for `npm run lake`: asks twice at a terminal, reads one line from a pipe. */
export const readPassphrase: ReadPassphrase = async (prompt) => {
  if (!process.stdin.isTTY) return firstLine(process.stdin)
  const [first, again] = await hiddenLines([`${prompt}: `, 'The same passphrase again: '])
  if (first === undefined || first !== again) throw new Error('The two passphrases differ; nothing was changed. Run the command again')
  return first
}
