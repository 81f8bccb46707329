/**
 * Attachments (附件) we accept, recognised by their bytes; the name and the declared type only
 * choose between formats the bytes cannot tell apart (an Office 97–2003 file is one container for
 * Word, Excel and PowerPoint alike).
 */
export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt', 'zip'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_MIME: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  zip: 'application/zip',
};

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const extensionOf = (name: string) => /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * The names of a ZIP archive's entries, from its central directory at the end of the file
 * (`tail`: the last bytes, enough for the directory of an Office file). Unreadable: [].
 */
export function zipEntryNames(tail: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = 0; at + 46 <= tail.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > tail.length) break;
    names.push(new TextDecoder('utf-8', { fatal: false }).decode(tail.subarray(at + 46, at + 46 + nameLength)));
    at += 45 + nameLength;
  }
  return names;
}

/**
 * What a file is, from its first bytes (`head`), the names inside it when it is a ZIP (`entries`)
 * and, for Office 97–2003 files only, its name; null when it is none of the accepted kinds.
 */
export function detectDocumentKind(head: Uint8Array, entries: readonly string[], fileName: string): DocumentKind | null {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  // PDF readers accept the signature within the first kilobyte.
  if (text.includes('%PDF-')) return 'pdf';
  if (startsWith(head, OLE2)) {
    const ext = extensionOf(fileName);
    return ext === 'xls' || ext === 'ppt' ? ext : 'doc';
  }
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
    const office = entries.includes('[Content_Types].xml');
    if (office && entries.some((n) => n.startsWith('word/'))) return 'docx';
    if (office && entries.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (office && entries.some((n) => n.startsWith('ppt/'))) return 'pptx';
    return 'zip';
  }
  return null;
}

/** The name a download is saved under: the uploader's, with the extension of what the file really is. */
export function downloadName(name: string, kind: DocumentKind): string {
  const ext = extensionOf(name);
  const base = ext ? name.slice(0, -(ext.length + 1)) : name;
  return `${base || 'file'}.${kind}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, 5987). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
