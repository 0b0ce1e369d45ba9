import { InputError } from '../errors.js';
import type { SeveritySetting } from '../types.js';
import { loadRuleConfig } from '../checks/runner.js';

export { loadRuleConfig };

/** `--rule hedge-added=off` → `{ "hedge-added": "off" }`, validated like a config file. */
export function parseRuleFlag(flag: string): Record<string, SeveritySetting> {
  const m = /^([a-z-]+)=([a-z]+)$/.exec(flag.trim());
  if (!m) throw new InputError(`--rule ${flag}: expected id=severity, e.g. hedge-added=off`);
  return loadRuleConfig({ rules: { [m[1]]: m[2] } });
}
