#!/usr/bin/env node
// The `ismp` command: the TypeScript sources in src/, bundled on first use and whenever they change (cliBundle.js).
// Over a file-size limit (ulimit -f) a write then fails with EFBIG, which the atomic save reports and
// cleans up after, instead of the signal killing the process mid-write.
process.on("SIGXFSZ", () => {});
// A command reads one workbook, changes it and writes it once, so what it holds grows in steps
// while garbage piles up behind them. V8 lets the heap grow to up to four times what the last
// full collection kept before it collects again; on a workbook of 300,000 shared strings that
// put the peak some 50 MB above a collection at one and a half times (about 275 → 230 MB whole
// process), for a few more collections (npm run bench -- --only file).
require("node:v8").setFlagsFromString("--heap-growing-percent=50");
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
