import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };

/** `tool` field of every JSON document we print. */
export const TOOL = { name: pkg.name, version: pkg.version } as const;
