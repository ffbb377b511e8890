// The one-file copy of a story for a pagoda without internet: one HTML file with its styles and the
// Khmer font inlined, readable in any browser, printable on A4. Written beside each story page.
import { toHTML } from '@portabletext/to-html'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Language, PublicTestimony, PublicText } from '../../core/index.ts'
import type { SiteContent } from '../content/siteContent.ts'
import { inLanguage } from '../i18n/localised.ts'
import { routes, siteLanguages } from '../i18n/routes.ts'
import { translator } from '../i18n/translator.ts'

const fontFile = createRequire(import.meta.url).resolve('@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2')

export function writeCeremonyCopies(content: SiteContent, outDir: string): number {
  const font = readFileSync(fontFile).toString('base64')
  let written = 0
  for (const story of content.stories) {
    for (const lang of siteLanguages) {
      const text = story.languages[lang]
      if (!text) continue
      const path = join(outDir, routes.ceremonyCopy(lang, story.slug))
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, ceremonyCopy({ content, story, text, lang, font }))
      written++
    }
  }
  return written
}

function ceremonyCopy(input: { content: SiteContent; story: PublicTestimony; text: PublicText; lang: Language; font: string }): string {
  const { content, story, text, lang } = input
  const t = translator(lang)
  const ceremony = content.ceremonies.find((candidate) => candidate.id === story.ceremony)
  const place = inLanguage(ceremony?.place, lang)
  const hotline = content.services.find((service) => service.id === content.settings.hotline)
  const warnings = story.contentWarnings.map((warning) => t(`warning.${warning}`)).join(t('list.separator'))
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(text.title)}</title>
<style>
@font-face { font-family: 'Noto Sans Khmer'; font-weight: 400 700; font-display: swap; src: url(data:font/woff2;base64,${input.font}) format('woff2'); unicode-range: U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC; }
body { font-family: 'Noto Sans Khmer', system-ui, sans-serif; font-size: 1.4rem; line-height: 1.9; max-width: 40em; margin: 2rem auto; padding: 0 1rem; color: #000; background: #fff; }
h1 { font-size: 2rem; line-height: 1.6; } .byline, .meta { font-style: italic; color: #333; }
.warning { border-left: 4px solid #7a2e12; padding-left: 1rem; }
@media print { @page { size: A4; margin: 20mm 18mm; } body { font-size: 12pt; margin: 0; max-width: none; } .warning { display: none; } }
</style>
</head>
<body>
${story.sample ? `<p class="meta">${escape(t('sample.notice'))}</p>` : ''}
${warnings ? `<p class="warning">${escape(t('story.warningTitle'))}: ${escape(t('story.warningText'))} ${escape(warnings)}.</p>` : ''}
<h1>${escape(text.title)}</h1>
<p class="byline">${escape(text.byline)}</p>
${toHTML(text.body)}
${text.hopes ? `<h2>${escape(t('story.hopes'))}</h2>\n<p>${escape(text.hopes)}</p>` : ''}
${hotline ? `<p class="meta">${escape(t('hotline.label'))}: ${escape(hotline.phone)}</p>` : ''}
${ceremony && place ? `<p class="meta">${escape(t('story.ceremony'))}: <span lang="${place.lang}">${escape(place.text)}</span>, ${escape(ceremony.date)}</p>` : ''}
</body>
</html>
`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
