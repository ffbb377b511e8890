// The lake as the bench measures it over HTTP: in its own process, as `npm start` runs it, with the
// bench's synthetic documents. Prints one JSON line ({port, token}) once it serves; stops, and removes
// its data folder, when its standard input closes (the bench ends it so).
import { rmSync } from 'node:fs'
import { serveLake } from '../lake/index.ts'
import { openSyntheticLake } from './syntheticLake.ts'

const { dataDir, lake } = openSyntheticLake(Number(process.argv[2] ?? 10_000))
const { token } = lake.services.tokens.create({ name: 'Bench', role: 'administrator', now: new Date() })
const server = await serveLake(lake, 0)
console.log(JSON.stringify({ port: server.port, token }))
process.stdin.resume()
process.stdin.on('end', () => {
  void server.close().then(() => {
    lake.close()
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  })
})
