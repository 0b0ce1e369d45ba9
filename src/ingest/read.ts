import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { InputError } from '../errors.js';
import { mb } from './decode.js';

export interface ReadLimits {
  /** Stop with an InputError once more than this many bytes arrived (stat sizes are not trusted: 0 for devices). */
  maxBytes: number;
  /** Give up when no byte arrives for this long (a FIFO or stdin that never writes). Default 30 s. */
  idleTimeoutMs?: number;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const CHUNK = 64 * 1024;

/**
 * Reads a path with a streamed cap: regular files, and also character devices and FIFOs (`/dev/zero`,
 * `<(curl …)`), which report size 0 and may never end. Opened non-blocking so a FIFO without a writer does not
 * hang the open; reads that would block, and a FIFO whose writer has not opened it yet, are retried until
 * the idle timeout. Directories and sockets are refused.
 */
export async function readPathCapped(path: string, limits: ReadLimits): Promise<Buffer> {
  const idle = limits.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  let fh: import('node:fs/promises').FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new InputError(`${path} is a directory, not an article file`);
    throw new InputError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message}`,
    );
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw new InputError(`${path} is a directory, not an article file`);
    if (st.isSocket()) throw new InputError(`${path} is a socket, not an article file`);
    if (st.isFile() && st.size > limits.maxBytes)
      throw new InputError(`${path} is ${mb(st.size)}, over --max-bytes ${mb(limits.maxBytes)}`);
    const fifo = st.isFIFO();
    const chunks: Buffer[] = [];
    let total = 0;
    let lastData = Date.now();
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        ({ bytesRead: n } = await fh.read(buf, 0, CHUNK, null));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN')
          throw new InputError(`cannot read ${path}: ${(err as Error).message}`);
        if (Date.now() - lastData > idle)
          throw new InputError(`${path}: no data for ${Math.round(idle / 1000)} s, giving up`);
        await sleep(10);
        continue;
      }
      // A FIFO reads as ended until its writer opens it: wait for the first byte (bounded by the idle timeout).
      if (n === 0 && fifo && total === 0) {
        if (Date.now() - lastData > idle)
          throw new InputError(`${path}: no data for ${Math.round(idle / 1000)} s, giving up`);
        await sleep(10);
        continue;
      }
      if (n === 0) break;
      lastData = Date.now();
      total += n;
      if (total > limits.maxBytes) throw new InputError(`${path} is over --max-bytes ${mb(limits.maxBytes)}`);
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    await fh.close();
  }
}

/** Reads a stream (stdin) with the same cap and idle timeout; the stream is destroyed when either trips. */
export function readStreamCapped(
  stream: NodeJS.ReadableStream & { destroy?: () => void },
  label: string,
  limits: ReadLimits,
): Promise<Buffer> {
  const idle = limits.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let timer = setTimeout(
      () => stop(new InputError(`${label}: no data for ${Math.round(idle / 1000)} s, giving up`)),
      idle,
    );
    const stop = (err: Error | null) => {
      clearTimeout(timer);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      if (err) {
        stream.destroy?.();
        reject(err);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += b.length;
      if (total > limits.maxBytes) return stop(new InputError(`${label} is over --max-bytes ${mb(limits.maxBytes)}`));
      chunks.push(b);
      clearTimeout(timer);
      timer = setTimeout(
        () => stop(new InputError(`${label}: no data for ${Math.round(idle / 1000)} s, giving up`)),
        idle,
      );
    };
    const onEnd = () => stop(null);
    const onError = (e: Error) => stop(new InputError(`cannot read ${label}: ${e.message}`));
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
