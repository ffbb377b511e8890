// The keyring: the data key wrapped by a secret; the right secret unwraps the same key, a wrong one
// is told as such, and a new secret (rekey) wraps the same key without touching anything else.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createKeyring, rewrapKeyring, unlockKeyring, WrongKeyError } from '../../../lake/atRest/keyring.ts'
import { testCost } from '../testKey.ts'

describe('the keyring', () => {
  it('unwraps the same data key with the right secret, and refuses another', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyring-'))
    const key = createKeyring(dataDir, 'the first secret (fictional)', testCost)
    expect(unlockKeyring(dataDir, 'the first secret (fictional)').id).toBe(key.id)
    expect(() => unlockKeyring(dataDir, 'not the secret')).toThrow(WrongKeyError)
    const stored = readFileSync(join(dataDir, 'keyring.json'), 'utf8')
    expect(JSON.parse(stored)).toMatchObject({ kdf: { name: 'scrypt', N: testCost.N, r: 8, p: 1 }, keyId: key.id })
    expect(stored).not.toContain(key.bytesToWrap().toString('base64'))
    expect(stored).not.toContain(key.bytesToWrap().toString('hex'))
  })

  it('rewraps the same key by a new secret; the old one then opens nothing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyring-'))
    const key = createKeyring(dataDir, 'the old secret (fictional)', testCost)
    rewrapKeyring(dataDir, key, 'the new secret (fictional)', testCost)
    expect(unlockKeyring(dataDir, 'the new secret (fictional)').sqliteKey).toBe(key.sqliteKey)
    expect(() => unlockKeyring(dataDir, 'the old secret (fictional)')).toThrow(WrongKeyError)
  })
})
