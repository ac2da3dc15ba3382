/** The printed table and bench.json. */
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import type { Measurement } from "./measurement";

export interface BenchSection {
  title: string;
  measurements: Measurement[];
}

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const threeDecimals = new Intl.NumberFormat("en", { maximumFractionDigits: 3, minimumFractionDigits: 3 });

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${twoDecimals.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
  return `${integer.format(bytes)} B`;
}

export function formatValue(measurement: Measurement): string {
  const { value, unit } = measurement;
  if (value === null) return "—";
  switch (unit) {
    case "bytes":
      return formatBytes(value);
    case "ms":
      return `${value < 10 ? twoDecimals.format(value) : oneDecimal.format(value)} ms`;
    case "×":
      return `${oneDecimal.format(value)}×`;
    default:
      // Shares such as precision@5 (0.449) print with three decimals, counts as integers.
      if (!unit && value > 0 && value < 1) return threeDecimals.format(value);
      return `${integer.format(value)} ${value === 1 ? unit.replace(/s$/, "") : unit}`;
  }
}

function verdict(measurement: Measurement): string {
  if (measurement.pass === false) return "✗ FAIL";
  if (measurement.value === null) return "SKIP";
  return measurement.pass ? "✓ pass" : "";
}

const pad = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - [...text].length));

export function formatTable(sections: BenchSection[]): string {
  const rows = sections.flatMap((section) => section.measurements);
  const widths = {
    name: Math.max(6, ...rows.map((m) => [...m.name].length)),
    value: Math.max(5, ...rows.map((m) => formatValue(m).length)),
    target: Math.max(6, ...rows.map((m) => (m.target ?? "").length)),
  };
  const line = (name: string, value: string, target: string, result: string) =>
    `${pad(name, widths.name)}  ${value.padStart(widths.value)}  ${pad(target, widths.target)}  ${result}`.trimEnd();
  const out = [line("Figure", "Value", "Target", "Result"), "-".repeat(widths.name + widths.value + widths.target + 14)];
  for (const section of sections) {
    out.push("", section.title);
    for (const m of section.measurements) {
      out.push(line(`  ${m.name}`, formatValue(m), m.target ?? "", verdict(m)));
      if (m.note) out.push(`      ${m.note}`);
    }
  }
  return out.join("\n");
}

export function failures(sections: BenchSection[]): Measurement[] {
  return sections.flatMap((s) => s.measurements).filter((m) => m.pass === false);
}

export function writeBenchJson(path: string, sections: BenchSection[], notes: string[]): void {
  const environment = { node: process.version, platform: process.platform, cpus: cpus().length, loadAverage: loadavg() };
  writeFileSync(path, `${JSON.stringify({ date: new Date().toISOString(), environment, notes, sections }, null, 2)}\n`);
}

/** Wall times depend on what else the machine runs; the table says how busy it was. */
export function machineNote(): string {
  const [oneMinute] = loadavg();
  return `Machine: ${cpus().length} cores, load average ${oneMinute.toFixed(1)} at the end of the run, node ${process.version}`;
}
