// Writes docs/access-control.md from the access policy: `node --import tsx scripts/access-control-doc.ts`
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAccessControlDoc } from '../src/modules/identity/policy-doc.ts';

const file = fileURLToPath(new URL('../docs/access-control.md', import.meta.url));
fs.mkdirSync(new URL('../docs/', import.meta.url), { recursive: true });
fs.writeFileSync(file, renderAccessControlDoc());
console.log(`wrote ${file}`);
