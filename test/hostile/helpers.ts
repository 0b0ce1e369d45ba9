import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const tmp = (name: string) => mkdtempSync(join(tmpdir(), `unspun-hostile-${name}-`));

export function write(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** The built CLI, asynchronously (a loopback server in this process must keep answering), killed after `timeoutMs`. */
export function run(
  args: string[],
  opts: { input?: string; timeoutMs?: number; shell?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  const bin = join(ROOT, 'bin/unspun.js');
  const child = opts.shell
    ? spawn('bash', ['-c', opts.shell.replaceAll('UNSPUN', `'${process.execPath}' '${bin}'`)], {
        env: { ...process.env, NO_COLOR: '1', UNSPUN_DEBUG: '' },
      })
    : spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1', UNSPUN_DEBUG: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.on('error', () => {});
  if (opts.input !== undefined) child.stdin.end(opts.input);
  else child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 200_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** A one-line error: exit 2, at most two stderr lines (commander adds a hint), no stack trace. */
export function oneLine(r: { code: number | null; stderr: string }): string {
  const lines = r.stderr.trim().split('\n');
  if (r.code !== 2 || lines.length > 2 || /\n\s+at /.test(r.stderr))
    throw new Error(`expected a one-line exit 2, got ${r.code}: ${r.stderr}`);
  return lines[0];
}

/** An HTTP server on 127.0.0.1 only; close() ends every open connection. */
export async function loopbackServer(
  handler: RequestListener,
): Promise<{ base: string; port: number; close: () => Promise<void>; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Short news-like sentences, `n` of them, each different (numbers, names, quotes). */
export function sentences(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`Mayor Lena Ortiz said ${i + 3} buses would run on route ${i % 40}.`);
  return out.join(' ');
}
