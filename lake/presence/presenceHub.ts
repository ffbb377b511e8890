// Presence, as the Studio's Bifur client speaks it over a WebSocket: JSON-RPC 2.0 with an
// `authorization` call first, then presence_subscribe / _rollcall / _announce / _disconnect, and a
// "♥" heartbeat. Events reach the other signed-in sockets of the same dataset.
import type { LakeUser } from '../auth/tokenStore.ts'

export interface PresenceSocket {
  send(text: string): void
}

type PresenceEvent =
  | { type: 'rollCall'; i: string; session: string }
  | { type: 'state'; i: string; m: unknown }
  | { type: 'disconnect'; i: string; m: { session: string } }

interface Connection {
  socket: PresenceSocket
  dataset: string
  user: LakeUser | null
  subscription: string | null
  sessions: Set<string>
}

const rpcError = (id: unknown, code: number, message: string) => JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } })
const rpcResult = (id: unknown, result: unknown) => JSON.stringify({ jsonrpc: '2.0', id, result })
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {}

export class PresenceHub {
  readonly #connections = new Set<Connection>()
  readonly #authenticate: (token: string) => LakeUser | null

  constructor(authenticate: (token: string) => LakeUser | null) {
    this.#authenticate = authenticate
  }

  connect(socket: PresenceSocket, dataset: string): { receive(text: string): void; close(): void } {
    const connection: Connection = { socket, dataset, user: null, subscription: null, sessions: new Set() }
    this.#connections.add(connection)
    return {
      receive: (text) => this.#receive(connection, text),
      close: () => {
        this.#connections.delete(connection)
        if (connection.user)
          for (const session of connection.sessions)
            this.#broadcast(connection, { type: 'disconnect', i: connection.user.id, m: { session } })
      },
    }
  }

  heartbeat(): void {
    for (const connection of this.#connections) connection.socket.send('♥')
  }

  #receive(connection: Connection, text: string): void {
    let message: Record<string, unknown>
    try {
      message = record(JSON.parse(text))
    } catch {
      connection.socket.send(rpcError(null, -32700, 'The message is not JSON'))
      return
    }
    const { id, method } = message
    const params = record(message.params)
    if (method === 'authorization') {
      const header = typeof params.authorization === 'string' ? params.authorization : ''
      connection.user = this.#authenticate(header.replace(/^Bearer\s+/, ''))
      connection.socket.send(connection.user ? rpcResult(id, true) : rpcError(id, 4001, 'This token is unknown or was revoked'))
      return
    }
    const user = connection.user
    if (!user) {
      connection.socket.send(rpcError(id, 4001, 'Send the authorization call with a lake token first'))
      return
    }
    const session = typeof params.session === 'string' ? params.session : null
    const handlers: Record<string, () => unknown> = {
      presence_subscribe: () => (connection.subscription = `presence-${Math.random().toString(36).slice(2)}`),
      presence_unsubscribe: () => ((connection.subscription = null), true),
      presence_rollcall: () => session && this.#broadcast(connection, { type: 'rollCall', i: user.id, session }),
      presence_announce: () => {
        const data = record(params.data)
        if (typeof data.sessionId === 'string') connection.sessions.add(data.sessionId)
        return this.#broadcast(connection, { type: 'state', i: user.id, m: data })
      },
      presence_disconnect: () => {
        if (session) connection.sessions.delete(session)
        return session && this.#broadcast(connection, { type: 'disconnect', i: user.id, m: { session } })
      },
    }
    const handler = typeof method === 'string' ? handlers[method] : undefined
    if (!handler) {
      connection.socket.send(rpcError(id, -32601, `Unknown method ${String(method)}`))
      return
    }
    const result = handler()
    connection.socket.send(rpcResult(id, typeof result === 'string' ? result : true))
  }

  #broadcast(from: Connection, event: PresenceEvent): true {
    for (const connection of this.#connections) {
      if (connection === from || connection.dataset !== from.dataset || !connection.user || !connection.subscription) continue
      connection.socket.send(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'presence_subscription',
          params: { subscription: connection.subscription, result: event },
        }),
      )
    }
    return true
  }
}
