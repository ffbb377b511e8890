// `npm run lake -- <command>`: see lake/cli.ts.
import { runLakeCli } from '../lake/cli.ts'

process.exitCode = await runLakeCli(process.argv.slice(2))
