#!/usr/bin/env node
// The `tynda` command: runs src/cli.ts through tsx (Tynda runs its TypeScript directly; there is no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
