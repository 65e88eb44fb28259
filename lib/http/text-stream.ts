// Large downloads (the CSV exports, the IATI file) as a stream of UTF-8 bytes, produced one piece at a
// time: the producer reads a batch of rows, encodes it as text and yields it; this stream turns each
// piece into bytes only when the reader (the socket, through Next.js) asks for more, and lets the event
// loop run between two pieces. So a 17 MB file never sits in memory whole, and no other request waits
// longer than one piece takes to build. Pure: no database, no request.

/**
 * A byte stream of the pieces `pieces` yields. Pull-based: the next piece is asked for only when the
 * reader has room (one piece ahead), and a cancelled stream (the client went away) stops the producer
 * through its `return()`, so no further batch is read.
 *
 * An error while producing a piece errors the stream. By then the route has returned its 200 with the
 * attachment's headers, and Next.js has flushed them with the first chunk (the first piece, the CSV
 * header or the XML declaration, needs no database), so no 500 page can follow: Next's pipe to the
 * socket aborts and destroys the response (server/pipe-readable.js), which closes the connection
 * without the final empty chunk of chunked transfer encoding. The browser then reports the download as
 * failed ("network error"; curl: "transfer closed with outstanding read data") and never as a whole,
 * shorter file. That is why everything that may legitimately refuse a download (the visibility check,
 * an empty IATI file) runs before the stream is created, and why `onError` is told: it logs the error,
 * which the user cannot be shown.
 */
export function textStream(pieces: AsyncIterable<string>, options: { onError?: (error: unknown) => void } = {}): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let isFirst = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Between two pieces, let I/O callbacks of other requests run (setImmediate comes after them).
      if (!isFirst) await new Promise((resolve) => setImmediate(resolve));
      isFirst = false;
      try {
        for (;;) {
          const { value, done } = await iterator.next();
          if (done) {
            controller.close();
            return;
          }
          if (value.length > 0) {
            controller.enqueue(encoder.encode(value));
            return;
          }
        }
      } catch (error) {
        options.onError?.(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The whole text of a stream, e.g. for a test or a caller that needs the file as one string. */
export async function textOfStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
  const reader = stream.getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}
