import assert from 'node:assert/strict';
import type { SourceAdapter } from '../source-adapter.js';

/** The config `adapter.validate` makes of `input`, failing the test when it is refused (tests only). */
export function validConfig<C>(adapter: SourceAdapter<C>, input: unknown): C {
  const check = adapter.validate(input);
  assert.ok(check.ok, JSON.stringify(check));
  return check.config;
}
