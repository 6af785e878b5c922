#!/usr/bin/env node
// The `lakedesk` command: the CLI is built by `npm run build` into out/main/cli.js.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(
    'error: Lakedesk is not built yet.\nhint: run `npm run build` in the project folder first.\n',
  );
  process.exit(2);
}
require(cli);
