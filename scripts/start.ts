// `npm start`: loads the fictional seed archive, validates every document against the schema and
// prints the consent report. Later issues make it start the lake, the Studio and the site.
import { readFile } from 'node:fs/promises'
import { consentReport, formatConsentReport } from '../core/index.ts'
import { parseArchive, seedArchivePath } from '../seed/index.ts'
import { checkDocumentsInLake } from '../seed/seedCheck.ts'

const today = new Date().toISOString().slice(0, 10)
const documents = parseArchive(await readFile(seedArchivePath, 'utf8'))
console.log(`Loaded ${documents.length} documents from the fictional seed archive (${seedArchivePath}).`)

const problems = await checkDocumentsInLake(documents)
const errors = problems.filter((p) => p.level === 'error')
for (const problem of problems) console.log(`${problem.level}: ${problem.type} ${problem.id} ${problem.path}: ${problem.message}`)
console.log(`Validated every document against the schema: ${errors.length} errors, ${problems.length - errors.length} warnings.\n`)

console.log(formatConsentReport(consentReport(documents, today), today))
if (errors.length > 0) process.exitCode = 1
