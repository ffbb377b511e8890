// The type of an uploaded file, by its name's extension, when the uploader sent none (Sanity's own
// importer sends none: hosted Sanity looks at the file itself). The recordings, videos and documents
// a testimony programme keeps; anything else is application/octet-stream, served as a download.
const fileTypes = new Map<string, string>([
  ['mp3', 'audio/mpeg'],
  ['m4a', 'audio/mp4'],
  ['aac', 'audio/aac'],
  ['wav', 'audio/wav'],
  ['ogg', 'audio/ogg'],
  ['oga', 'audio/ogg'],
  ['opus', 'audio/opus'],
  ['flac', 'audio/flac'],
  ['amr', 'audio/amr'],
  ['mp4', 'video/mp4'],
  ['mov', 'video/quicktime'],
  ['3gp', 'video/3gpp'],
  ['webm', 'video/webm'],
  ['pdf', 'application/pdf'],
  ['txt', 'text/plain'],
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
])

const unknownType = 'application/octet-stream'

/** The type the uploader declared, or else the one its extension names. */
export function fileTypeOf(extension: string, declared: string | undefined): string {
  if (declared && declared !== unknownType) return declared
  return fileTypes.get(extension.toLowerCase()) ?? unknownType
}
