// The Chromium that comes with `npm install` (@sparticuz/chromium's headless shell, its NSS libraries
// and a Latin font) plus a Khmer TrueType font, unpacked once into node_modules/.cache, so the browser
// tests need no system package. The package's own loader targets AWS Lambda and unpacks into a shared
// /tmp/chromium whatever its version; this one keeps each version apart and unpacks atomically.
import {
  chmodSync,
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createRequire } from 'node:module'
import { createBrotliDecompress } from 'node:zlib'
import { x as untar } from 'tar'
import { z } from 'zod'

export interface BundledChromium {
  executablePath: string
  /** For the browser process only: its NSS libraries and a font configuration with Khmer. */
  env: Record<string, string>
}

// The module runner vitest loads tests with has no import.meta.resolve; require's resolution is the same here.
const packagePath = (name: string) => createRequire(import.meta.url).resolve(name)
const packageVersion = z.object({ version: z.string() })

/** The bundled browser for this machine, unpacked if needed; null where the package has none (not x64 Linux). */
export async function bundledChromium(cacheRoot: string): Promise<BundledChromium | null> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null
  const packageDir = join(dirname(packagePath('@sparticuz/chromium')), '..')
  const { version } = packageVersion.parse(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')))
  const folder = join(cacheRoot, `chromium-${version}`)
  if (!existsSync(join(folder, 'chromium'))) await unpack(join(packageDir, 'bin'), folder)
  return {
    executablePath: join(folder, 'chromium'),
    env: { LD_LIBRARY_PATH: join(folder, 'lib'), FONTCONFIG_FILE: join(folder, 'fonts.conf') },
  }
}

async function unpack(bin: string, folder: string): Promise<void> {
  // Into a folder of its own first: an interrupted unpacking never leaves a browser that half works.
  const partial = `${folder}.partial-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(partial, 'chromium')))
  chmodSync(join(partial, 'chromium'), 0o755)
  for (const archive of ['al2023.tar.br', 'fonts.tar.br', 'swiftshader.tar.br'])
    await pipeline(createReadStream(join(bin, archive)), createBrotliDecompress(), untar({ cwd: partial }))
  const khmerFonts = dirname(packagePath('@expo-google-fonts/noto-sans-khmer'))
  for (const weight of ['400Regular', '700Bold'])
    copyFileSync(join(khmerFonts, weight, `NotoSansKhmer_${weight}.ttf`), join(partial, 'fonts', `NotoSansKhmer_${weight}.ttf`))
  writeFileSync(join(partial, 'fonts.conf'), fontConfiguration(join(folder, 'fonts'), join(folder, 'fonts-cache')))
  rmSync(folder, { recursive: true, force: true })
  renameSync(partial, folder)
}

// The bundled fonts first, then the system's where there are any (a Khmer font from apt still works).
const fontConfiguration = (fonts: string, cache: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${fonts}</dir>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>${cache}</cachedir>
</fontconfig>
`
