/** One file-layer task in a process of its own (see fileLayer.ts); prints {ms, cpuMs, maxRssMb}. */
import { readFileSync } from "node:fs";
import { main } from "../src/cli/main";
import { readXlsx } from "../src/headless";

async function task(name: string, file: string): Promise<void> {
  if (name === "upgrade") {
    const lines: string[] = [];
    const code = await main(["upgrade", file], { log: () => {}, error: (text) => lines.push(text) });
    if (code !== 0) throw new Error(`upgrade exited ${code}: ${lines.join("; ")}`);
  } else {
    const workbook = await readXlsx(readFileSync(file));
    if (workbook.sheets.length === 0) throw new Error("no sheets read");
  }
}

const [name, file] = process.argv.slice(2);
const started = performance.now();
const cpu = process.cpuUsage();
task(name, file).then(
  () => {
    const used = process.cpuUsage(cpu);
    const figures = { ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  },
  (error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
