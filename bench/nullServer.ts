// A server that does nothing: it reads each request and answers at once with a fixed answer of the
// mutate endpoint's shape. The bench drives @sanity/client against it, in its own process as the lake
// is, to measure what the client side costs by itself. Prints one JSON line ({port}); stops when its
// standard input closes.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const answer = JSON.stringify({ transactionId: 'null-server', results: [{ id: 'null', operation: 'create' }] })
const server = createServer((request, response) => {
  request.resume()
  request.on('end', () => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(answer) })
    response.end(answer)
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const address: AddressInfo | string | null = server.address()
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }))
})
process.stdin.resume()
process.stdin.on('end', () => server.close(() => process.exit(0)))
