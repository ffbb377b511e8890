// Presence over the WebSocket, spoken the way the Studio's Bifur client speaks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startLake, type LakeHarness } from './lakeHarness.ts'

let harness: LakeHarness
beforeAll(async () => {
  harness = await startLake()
})
afterAll(async () => {
  await harness.stop()
})

async function connect() {
  const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/v2022-06-30/socket/production?tag=sanity.studio`)
  const messages: Array<Record<string, unknown>> = []
  ws.on('message', (data) => {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : ''
    if (text !== '♥') messages.push(JSON.parse(text))
  })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let next = 0
  const call = async (method: string, params: Record<string, unknown> = {}) => {
    const id = `r${next++}`
    ws.send(JSON.stringify({ jsonrpc: '2.0', method, params: { ...params, apiVersion: 'v1' }, id }))
    await expect.poll(() => messages.some((m) => m.id === id)).toBe(true)
    return messages.find((m) => m.id === id)
  }
  return { ws, messages, call }
}

describe('presence', () => {
  it('tells a signed-in Studio where another user is', async () => {
    const sophea = await connect()
    const dara = await connect()
    expect(await sophea.call('authorization', { authorization: `Bearer ${harness.tokens.therapist}` })).toMatchObject({ result: true })
    await dara.call('authorization', { authorization: `Bearer ${harness.tokens.supervisor}` })
    const subscription = (await dara.call('presence_subscribe'))?.result
    await sophea.call('presence_announce', {
      data: { sessionId: 's1', locations: [{ type: 'document', documentId: 'theme-1', path: ['title'] }] },
    })
    await expect
      .poll(() => dara.messages.find((m) => m.method === 'presence_subscription'))
      .toMatchObject({ params: { subscription, result: { type: 'state', i: 'therapist-sophea', m: { sessionId: 's1' } } } })
    sophea.ws.close()
    await expect.poll(() => dara.messages.some((m) => JSON.stringify(m).includes('"disconnect"'))).toBe(true)
    dara.ws.close()
  })

  it('answers nothing but an error before the socket is signed in', async () => {
    const stranger = await connect()
    expect(await stranger.call('presence_subscribe')).toMatchObject({ error: { code: 4001 } })
    expect(await stranger.call('authorization', { authorization: 'Bearer lake_wrong' })).toMatchObject({ error: { code: 4001 } })
    stranger.ws.close()
  })
})
