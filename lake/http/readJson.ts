// Reads a JSON request body, answering malformed JSON with a 400 that says so.
import { badRequest } from '../errors.ts'

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text()
  try {
    return JSON.parse(text)
  } catch (error) {
    throw badRequest(`The request body is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`, 'invalidJsonError')
  }
}
