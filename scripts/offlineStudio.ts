// Part of `npm run build:studio`: rewrites dist/studio so that it loads nothing from Sanity's hosts.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { externalAddresses, offlineStudioText, selfHostedFonts } from '../studio/offlineBuild.ts'
import { studioBuildDir } from '../studio/serveStudio.ts'

const fontsDir = join(studioBuildDir, 'static', 'fonts')
mkdirSync(fontsDir, { recursive: true })
const fontPackage = dirname(createRequire(import.meta.url).resolve('@fontsource-variable/inter/package.json'))
for (const font of Object.values(selfHostedFonts)) copyFileSync(join(fontPackage, 'files', font), join(fontsDir, font))

const files = [
  'index.html',
  ...readdirSync(join(studioBuildDir, 'static'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => join('static', f)),
]
const left: string[] = []
for (const file of files) {
  const path = join(studioBuildDir, file)
  const text = offlineStudioText(readFileSync(path, 'utf8'), '/static/fonts')
  writeFileSync(path, text)
  left.push(...externalAddresses(text).map((address) => `${file}: ${address}`))
}
if (left.length > 0) {
  console.error(`The built Studio still links outside the machine:\n${left.join('\n')}`)
  process.exit(1)
}
console.log('The built Studio loads its script and fonts from this machine only.')
