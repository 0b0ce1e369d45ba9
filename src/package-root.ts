import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found by walking up from this file (works from `src/` under tsx and from `dist/src/`). Its own
 * tiny module so `unspun --version` and `--help` find package.json without reading every lexicon.
 */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('unspun: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();
