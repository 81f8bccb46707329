/**
 * A request's body as text, read up to `maxBytes` and no further: a larger declared length is
 * refused before anything is read, a streamed body (no Content-Length) is cancelled as soon as it
 * passes the cap. Null when too large; '' when there is no body. For small public endpoints that
 * must not buffer whatever a client sends.
 */
export async function readTextUpTo(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
