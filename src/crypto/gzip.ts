/**
 * Gzip through the platform's DecompressionStream (Node 18+ and every current browser), so that
 * src/crypto stays free of Node modules: Python's tarfile opens Sentry's tarballs with mode "r:*",
 * which reads a gzip-compressed one as well as a plain one, and so must we.
 */

/** Writes `bytes` into a gzip DecompressionStream and gives its readable side. */
function inflate(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Errors (a corrupt or cut stream) surface on the readable side, where they are reported;
  // the writer's own rejections are only that error again.
  writer.write(bytes as unknown as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  return stream.readable as ReadableStream<Uint8Array>;
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** The whole decompressed content; rejects with the platform's message on a corrupt or cut stream. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = inflate(bytes).getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concat(parts, length);
    parts.push(value);
    length += value.length;
  }
}

/**
 * Up to `want` leading bytes of what `head` (the start of a gzip stream) decompresses to: a head
 * cut anywhere still gives what its bytes hold, and a corrupt one gives what came before the fault.
 */
export async function gunzipHead(head: Uint8Array, want: number): Promise<Uint8Array> {
  const reader = inflate(head).getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < want) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      length += value.length;
    }
  } catch {
    // The head ends mid-stream (or is corrupt): keep what it gave.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return concat(parts, length).subarray(0, want);
}
