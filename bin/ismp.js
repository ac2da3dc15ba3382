#!/usr/bin/env node
// The `ismp` command: runs the TypeScript sources through tsx so the CLI is always the code in src/.
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`ismp: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
