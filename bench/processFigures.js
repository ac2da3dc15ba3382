// Preloaded (node -r) into a process the bench starts: at exit, writes its own figures (wall and CPU
// time since it started, max resident set size) as JSON to the file ISMP_BENCH_FIGURES names.
"use strict";
const { writeFileSync } = require("node:fs");

const started = performance.now();
process.on("exit", () => {
  const used = process.cpuUsage();
  const figures = {
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round((used.user + used.system) / 1000),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  writeFileSync(process.env.ISMP_BENCH_FIGURES, JSON.stringify(figures));
});
