#!/usr/bin/env node
// The `ismp` command: runs the TypeScript sources through tsx so the CLI is always the code in src/.
require("tsx/cjs/api").register();
// Over a file-size limit (ulimit -f) a write then fails with EFBIG, which the atomic save reports and
// cleans up after, instead of the signal killing the process mid-write.
process.on("SIGXFSZ", () => {});
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
