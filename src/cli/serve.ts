import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError } from '../errors.js';
import type { startServer } from '../server/index.js';

/** `unspun serve`: the web app and JSON API (see src/server). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('web app and JSON API: compare, trace, corpus, families (http://127.0.0.1:8080)')
    .addOption(new Option('--db <path>', 'corpus database (default: $UNSPUN_DB or ./unspun.db)'))
    .option('--port <n>', 'port', '8080')
    .option('--host <address>', 'address to bind; beyond loopback needs UNSPUN_TOKEN', '127.0.0.1')
    .option(
      '--allowed-host <names>',
      'further host names clients reach the server by, comma-separated (default: $UNSPUN_ALLOWED_HOSTS); others are refused',
    )
    .option('--rate-limit <n>', 'compare/trace requests per client per minute (0: none)', '120')
    .addHelpText(
      'after',
      '\nSafe by default: binds 127.0.0.1. On any other address the server refuses to start without UNSPUN_TOKEN,\nand adding, removing and fetching URLs then need "Authorization: Bearer $UNSPUN_TOKEN".\n\nExample:\n  npx unspun serve   # then open http://127.0.0.1:8080',
    )
    .action(async (opts: { db?: string; port: string; host: string; rateLimit: string; allowedHost?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InputError(`--port must be 0-65535, not "${opts.port}"`);
      const rateLimit = Number(opts.rateLimit);
      if (!Number.isInteger(rateLimit) || rateLimit < 0)
        throw new InputError(`--rate-limit must be a whole number, not "${opts.rateLimit}"`);
      // The server, store and kernel load only when serving (start-up of every other command stays light).
      const [{ openStore, resolveDbPath }, { startServer }] = await Promise.all([
        import('../store/index.js'),
        import('../server/index.js'),
      ]);
      const store = await openStore(resolveDbPath(opts.db));
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          store,
          host: opts.host,
          port,
          token: process.env.UNSPUN_TOKEN ?? null,
          rateLimit,
          allowedHosts: (opts.allowedHost ?? process.env.UNSPUN_ALLOWED_HOSTS ?? '').split(',').filter((h) => h.trim()),
        });
      } catch (err) {
        await store.close();
        throw err;
      }
      process.stderr.write(
        `unspun: serving ${resolveDbPath(opts.db)} (${await store.count()} articles) at ${server.url}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stderr.write('unspun: stopping\n');
      await server.ctx.jobs.idle();
      await server.close();
      await store.close();
    });
}
