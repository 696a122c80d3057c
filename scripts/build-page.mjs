// The claims-desk page (docs/playground) as one self-contained file, dist/playground/index.html: its script
// bundled with the library's source and its style inlined, so that it opens from file:// and is served as is.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build, transform } from 'esbuild';

const SOURCE = 'docs/playground';
export const PAGE = 'dist/playground/index.html';
const STYLE = '<link rel="stylesheet" href="style.css">';
const SCRIPT = '<script type="module" src="main.ts"></script>';

const script = await build({
  entryPoints: [`${SOURCE}/main.ts`],
  bundle: true,
  write: false,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  charset: 'utf8',
  legalComments: 'none',
  // The page uses the library as a user would, by its package name; bundled from source, it needs no prior build.
  alias: { 'courier-claims': './src/index.ts' },
  tsconfig: `${SOURCE}/tsconfig.json`,
  logLevel: 'warning',
});
const style = await transform(readFileSync(`${SOURCE}/style.css`, 'utf8'), { loader: 'css', minify: true });
const js = script.outputFiles[0].text;
// esbuild writes `</script` inside strings as `<\/script`; a literal one would end the inlined script early.
if (/<\/script/i.test(js)) throw new Error('the page script contains </script: it cannot be inlined');

const template = readFileSync(`${SOURCE}/index.html`, 'utf8');
for (const placeholder of [STYLE, SCRIPT]) {
  if (!template.includes(placeholder)) throw new Error(`${SOURCE}/index.html: ${placeholder} not found`);
}
// Replacer functions: the minified code contains `$&`-like sequences a replacement string would expand.
const html = template.replace(STYLE, () => `<style>${style.code.trim()}</style>`).replace(SCRIPT, () => `<script>${js.trim()}</script>`);
mkdirSync(dirname(PAGE), { recursive: true });
writeFileSync(PAGE, html);
