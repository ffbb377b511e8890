// A tiny static file server for a built site, on a free port, as any static host would serve it.
import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import { builtFile, notFoundFile } from '../../site/live/builtFile.ts'

export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const file = builtFile(root, pathname)
    const served = file ?? notFoundFile(root, pathname)
    response.writeHead(file ? 200 : 404, { 'content-type': served?.type ?? 'text/plain' })
    response.end(served ? readFileSync(served.path) : '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
