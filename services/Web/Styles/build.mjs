// Compiles Styles/panel-frontend.scss (GOV.UK Frontend with the site's settings) for the build (Web.csproj).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const here = dirname(fileURLToPath(import.meta.url));
const [output] = process.argv.slice(2);
const result = sass.compile(join(here, 'panel-frontend.scss'), {
  loadPaths: [join(here, '..', 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, result.css);
