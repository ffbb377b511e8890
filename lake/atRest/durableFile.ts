// Writes a small file so that a power cut leaves either the old contents or the new, whole: a
// temporary file beside it, flushed to disk, renamed over it, and the folder flushed too.
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export function writeFileDurably(path: string, contents: string | Buffer, mode = 0o600): void {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, contents, { mode, flush: true })
  renameSync(temporary, path)
  flushFolder(dirname(path))
}

/** Makes a rename or a new file in the folder survive a power cut (a no-op where folders can not be opened). */
export function flushFolder(folder: string): void {
  let descriptor: number | null = null
  try {
    descriptor = openSync(folder, 'r')
    fsyncSync(descriptor)
  } catch {
    // Windows can not open a folder for fsync; its renames are durable once they return.
  } finally {
    if (descriptor !== null) closeSync(descriptor)
  }
}
