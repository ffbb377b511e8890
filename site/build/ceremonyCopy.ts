// The one-file copy of a story for a pagoda without internet: one HTML file with its styles and the
// Khmer font inlined, readable in any browser, printable on A4 with the archive's name, the story's
// public address and the hotline at its foot. Written beside each story page.
import { toHTML } from '@portabletext/to-html'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { localDate, type Language, type PublicTestimony, type PublicText } from '../../core/index.ts'
import { publicAddress } from '../content/buildOptions.ts'
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
  const archive = inLanguage(content.settings.title, lang)
  const hotlineName = inLanguage(hotline?.name, lang)
  const colon = t('colon')
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
h1 { font-size: 2rem; line-height: 1.9; } .byline, .meta { color: #333; } :lang(en) .byline, :lang(en) .meta { font-style: italic; }
:lang(km) { font-synthesis: none; } :lang(km) em { font-style: normal; font-weight: 700; }
.source { border-top: 1px solid #000; margin-top: 2rem; font-size: 0.8em; } .source .address { overflow-wrap: anywhere; } .source .phone { white-space: nowrap; }
.warning { border-left: 4px solid #7a2e12; padding-left: 1rem; }
@media print { @page { size: A4; margin: 20mm 18mm; } body { font-size: 12pt; margin: 0; max-width: none; } .warning { display: none; } }
</style>
</head>
<body>
${story.sample ? `<p class="meta">${escape(t('sample.notice'))}</p>` : ''}
${warnings ? `<p class="warning">${escape(t('story.warningTitle'))}${colon}${escape(t('story.warningText'))} ${escape(warnings)}${lang === 'km' ? '។' : '.'}</p>` : ''}
<h1>${escape(text.title)}</h1>
<p class="byline">${escape(text.byline)}</p>
${toHTML(text.body)}
${text.hopes ? `<h2>${escape(t('story.hopes'))}</h2>\n<p>${escape(text.hopes)}</p>` : ''}
${ceremony && place ? `<p class="meta">${escape(t('story.ceremony'))}${colon}<span lang="${place.lang}">${escape(place.text)}</span>${t('list.separator')}${escape(localDate(ceremony.date, lang))}</p>` : ''}
<footer class="source">
${archive ? `<p lang="${archive.lang}"><strong>${escape(archive.text)}</strong></p>` : ''}
<p>${escape(t('print.address'))}${colon}<span class="address">${escape(publicAddress(routes.story(lang, story.slug)))}</span></p>
${hotline ? `<p>${escape(t('hotline.label'))}${colon}<span class="phone">${escape(hotline.phone)}</span>${hotlineName ? ` <span lang="${hotlineName.lang}">(${escape(hotlineName.text)})</span>` : ''}</p>` : ''}
</footer>
</body>
</html>
`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
