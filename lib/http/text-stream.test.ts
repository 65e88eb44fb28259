import { describe, expect, it, vi } from "vitest";
import { textOfStream, textStream } from "./text-stream";

async function* piecesOf(pieces: string[], log: string[] = []) {
  try {
    for (const piece of pieces) {
      log.push(`make ${piece}`);
      yield piece;
    }
  } finally {
    log.push("closed");
  }
}

describe("textStream", () => {
  it("sends the pieces in order as UTF-8, one chunk per piece, empty pieces left out", async () => {
    const stream = textStream(piecesOf(["\uFEFFa,b\r\n", "", "Ñandú,🦤\r\n", "x"]));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.map((c) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(c))).toEqual(["\uFEFFa,b\r\n", "Ñandú,🦤\r\n", "x"]);
    expect([...chunks[0].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await textOfStream(textStream(piecesOf(["é", "", "ü"])))).toBe("éü");
  });

  it("makes a piece only when the reader has room for it (one ahead), not the whole file at once", async () => {
    const log: string[] = [];
    const reader = textStream(piecesOf(["1", "2", "3", "4", "5"], log)).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.filter((l) => l.startsWith("make")).length).toBeLessThanOrEqual(2);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.filter((l) => l.startsWith("make")).length).toBeLessThanOrEqual(3);
  });

  it("lets other callbacks (another request's I/O) run between two pieces, even when the producer never waits", async () => {
    const order: string[] = [];
    async function* pieces() {
      for (const piece of ["a", "b", "c"]) {
        order.push(`piece ${piece}`);
        setImmediate(() => order.push(`callback queued during ${piece}`));
        yield piece;
      }
    }
    expect(await textOfStream(textStream(pieces()))).toBe("abc");
    expect(order.slice(0, 5)).toEqual(["piece a", "callback queued during a", "piece b", "callback queued during b", "piece c"]);
  });

  it("stops the producer when the reader cancels (the client went away)", async () => {
    const log: string[] = [];
    const reader = textStream(piecesOf(["1", "2", "3", "4", "5"], log)).getReader();
    await reader.read();
    await reader.cancel();
    expect(log).toContain("closed");
    expect(log).not.toContain("make 5");
  });

  it("errors the stream after what was already sent, and reports the error, when a piece fails", async () => {
    const failure = new Error("connection lost");
    async function* pieces() {
      yield "header\r\n";
      yield "row 1\r\n";
      throw failure;
    }
    const onError = vi.fn();
    const reader = textStream(pieces(), { onError }).getReader();
    const received: string[] = [];
    let error: unknown;
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) received.push(new TextDecoder().decode(r.value));
    } catch (caught) {
      error = caught;
    }
    expect(received).toEqual(["header\r\n", "row 1\r\n"]);
    expect(error).toBe(failure);
    expect(onError).toHaveBeenCalledWith(failure);
    await expect(textOfStream(textStream(pieces()))).rejects.toBe(failure);
  });
});
