import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { LEGAL_MAPPING, legalMapping } from '../scripts/legal-mapping.ts';

test('docs/legal-mapping.md is generated from the terms table and up to date (npm run docs:legal)', () => {
  assert.equal(fs.readFileSync(LEGAL_MAPPING, 'utf8'), legalMapping());
});
