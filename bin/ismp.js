#!/usr/bin/env node
// The `ismp` command: the TypeScript sources in src/, bundled on first use and whenever they change (cliBundle.js).
// Over a file-size limit (ulimit -f) a write then fails with EFBIG, which the atomic save reports and
// cleans up after, instead of the signal killing the process mid-write.
process.on("SIGXFSZ", () => {});
const { main } = require("./cliBundle.js").loadCli();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`ismp: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
