// `npm run studio`: serves the built Studio (npm run build:studio) on port 3333, for the local lake.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStudio, studioBuildDir } from '../studio/serveStudio.ts'

const port = Number(process.env.STUDIO_PORT ?? 3333)
if (!existsSync(join(studioBuildDir, 'index.html'))) {
  console.error('The Studio is not built yet: run `npm run build:studio` first.')
  process.exit(1)
}
const server = await serveStudio(port)
console.log(`The Studio is at http://localhost:${server.port}; sign in with a staff account (npm run lake -- user add …). Ctrl-C stops it.`)
