/** Reading one package in a process of its own (see fileLayer.ts); prints {ms, cpuMs, maxRssMb}. */
import { readFileSync } from "node:fs";
import { readXlsx } from "../src/headless";

async function read(file: string): Promise<void> {
  const workbook = await readXlsx(readFileSync(file));
  if (workbook.sheets.length === 0) throw new Error("no sheets read");
}

const [file] = process.argv.slice(2);
const started = performance.now();
const cpu = process.cpuUsage();
read(file).then(
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
