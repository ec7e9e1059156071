import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { regenerate } from './readme-sections.ts';

// `npm run docs`: rewrites README.md's generated tables from the step and probe definitions.
const file = resolve(PACKAGE_ROOT, 'README.md');
writeFileSync(file, regenerate(readFileSync(file, 'utf8')));
process.stdout.write('README.md: generated sections rewritten\n');
