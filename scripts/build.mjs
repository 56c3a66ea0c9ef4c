// Bundles the extension client, the language server and the CLI with esbuild.
// Everything the product needs at run time is bundled, so the shipped package holds only dist/.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  // `node --` before the script: Node 20 otherwise takes the CLI's own `--env-file` argument for its flag
  // (nodejs/node#54232) and exits before the CLI runs when that file is missing.
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env -S node --' } }),
]);
chmodSync('dist/cli.js', 0o755);
