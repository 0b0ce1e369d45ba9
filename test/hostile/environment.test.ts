import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLine, run } from './helpers.js';

/**
 * A PostgreSQL server without pgvector, as far as the wire protocol goes: it accepts any login, answers every
 * statement with an empty result, and fails `CREATE EXTENSION … vector` the way PostgreSQL 15 does when the
 * extension's files are not installed (SQLSTATE 58P01).
 */
function fakePostgresWithoutPgvector() {
  const msg = (type: string, body: Buffer) => {
    const head = Buffer.alloc(5);
    head.write(type, 0, 'latin1');
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  };
  const int32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return b;
  };
  const cstr = (s: string) => Buffer.from(`${s}\0`);
  const ready = msg('Z', Buffer.from('I'));
  const error = (code: string, text: string) =>
    msg('E', Buffer.concat([cstr(`SERROR`), cstr(`VERROR`), cstr(`C${code}`), cstr(`M${text}`), Buffer.from([0])]));
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    let started = false;
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (!started) {
          if (buf.length < 4 || buf.length < buf.readInt32BE(0)) return;
          const len = buf.readInt32BE(0);
          const code = buf.readInt32BE(4);
          buf = buf.subarray(len);
          if (code === 80877103)
            socket.write('N'); // SSLRequest: no TLS
          else {
            started = true;
            socket.write(Buffer.concat([msg('R', int32(0)), ready]));
          }
          continue;
        }
        if (buf.length < 5 || buf.length < 1 + buf.readInt32BE(1)) return;
        const type = String.fromCharCode(buf[0]);
        const body = buf.subarray(5, 1 + buf.readInt32BE(1));
        buf = buf.subarray(1 + buf.readInt32BE(1));
        const sql = body.toString('utf8');
        if (type === 'Q')
          socket.write(
            /CREATE EXTENSION/i.test(sql)
              ? Buffer.concat([
                  error(
                    '58P01',
                    'could not open extension control file "/usr/share/postgresql/15/extension/vector.control": No such file or directory',
                  ),
                  ready,
                ])
              : Buffer.concat([msg('C', cstr('SELECT 0')), ready]),
          );
        else if (type === 'P') socket.write(msg('1', Buffer.alloc(0)));
        else if (type === 'B') socket.write(msg('2', Buffer.alloc(0)));
        else if (type === 'D') socket.write(msg('n', Buffer.alloc(0)));
        else if (type === 'E') socket.write(msg('C', cstr('SELECT 0')));
        else if (type === 'S') socket.write(ready);
        else if (type === 'X') socket.end();
      }
    });
  });
  return {
    listen: () =>
      new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port))),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(r));
    },
  };
}

describe('--db postgres://… on a server without pgvector', () => {
  const pg = fakePostgresWithoutPgvector();
  let port = 0;
  beforeAll(async () => {
    port = await pg.listen();
  });
  afterAll(() => pg.close());

  it('is an environment problem: one line naming the extension and docs/deploy.md, exit 2', async () => {
    const r = await run(['list', '--db', `postgres://unspun:secret@127.0.0.1:${port}/corpus`], { timeoutMs: 60_000 });
    const line = oneLine(r);
    expect(line).toMatch(/pgvector/);
    expect(line).toMatch(/docs\/deploy\.md/);
    expect(line).not.toMatch(/secret/);
  });
});
