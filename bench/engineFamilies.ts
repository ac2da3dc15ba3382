/**
 * Which formulas LibreOffice spends its recalculation on: the recalculated copy of one engine-bench
 * workbook, then the same copy with one formula family at a time replaced by its values, each timed
 * as a full recalculation. A family's cost is the CPU time of that copy recalculated unchanged (the
 * control) minus the variant's.
 * Families are a sheet (`Dashboard`) or columns of a sheet (`Risk Register!AH:AJ`); the floor (every
 * formula replaced by its value) is measured in the same run, so the ratios are comparable.
 * `a1:<sheet>` is a spelling, not a family: the sheet's formulas with every `Table[[#This Row],[Col]]`
 * written as the A1 reference it resolves to (`$S5`), the cost of the structured spelling itself.
 *
 *   npx tsx bench/engineFamilies.ts <workbook.xlsx> [family | a1:<sheet> | @redesign.json ...]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import JSZip from "jszip";
import { columnIndex, columnLetter } from "../src/core/a1";
import { convert, valuesOnly, writeCopy } from "./engine";

interface Family {
  label: string;
  sheet: string;
  /** 0-based column range, inclusive; undefined = every column. */
  columns?: [number, number];
}

/**
 * A candidate design, tried on the file before it is built into the blueprint: each edit gives a
 * table column (existing, or appended after the table's last) one formula for every body row;
 * `{row}` stands for the cell's sheet row.
 */
interface Redesign {
  label: string;
  edits: { sheet: string; table: string; column: string; header?: string; formula: string }[];
}

function parseFamily(text: string): Family {
  const [sheet, range] = text.split("!");
  if (!range) return { label: text, sheet };
  const [from, to = from] = range.split(":");
  return { label: text, sheet, columns: [columnIndex(from), columnIndex(to)] };
}

/** Sheet name → worksheet part, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) targets.set(m[1], m[2]);
  for (const m of rels.matchAll(/<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) targets.set(m[2], m[1]);
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(m[2]) ?? "";
    const name = m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    parts.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

const cellColumn = (ref: string): number => columnIndex(/^[A-Z]+/.exec(ref)![0]);

/** The recalculated copy with the family's formulas dropped (each cell keeps its value). */
async function withoutFamily(recalculated: Buffer, family: Family, target: string): Promise<number> {
  const zip = await JSZip.loadAsync(recalculated);
  const part = (await sheetParts(zip)).get(family.sheet);
  if (!part) throw new Error(`no sheet "${family.sheet}"`);
  const xml = await zip.file(part)!.async("string");
  let stripped = 0;
  const inRange = (ref: string) => !family.columns || (cellColumn(ref) >= family.columns[0] && cellColumn(ref) <= family.columns[1]);
  const out = xml.replace(/<c\b([^>]*?)r="([A-Z]+\d+)"([^>]*)>([\s\S]*?)<\/c>/g, (cell, before: string, ref: string, after: string, body: string) => {
    if (!body.includes("<f") || !inRange(ref)) return cell;
    stripped++;
    const value = body.replace(/<f\b[^>]*\/>/g, "").replace(/<f\b[^>]*>[\s\S]*?<\/f>/g, "");
    return `<c${before}r="${ref}"${after}>${value}</c>`;
  });
  zip.file(part, out);
  await writeCopy(zip, target);
  return stripped;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

async function tablePart(zip: JSZip, table: string): Promise<string> {
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    if (new RegExp(`<table\\b[^>]*\\bname="${table}"`).test(await zip.file(name)!.async("string"))) return name;
  }
  throw new Error(`no table ${table}`);
}

/** The recalculated copy with the redesign's formulas in place (values left stale: the run recalculates them). */
async function withRedesign(recalculated: Buffer, redesign: Redesign, target: string): Promise<number> {
  const zip = await JSZip.loadAsync(recalculated);
  const parts = await sheetParts(zip);
  let written = 0;
  for (const edit of redesign.edits) {
    const tableName = await tablePart(zip, edit.table);
    let tableXml = await zip.file(tableName)!.async("string");
    const [, from, to] = /\bref="([A-Z]+\d+):([A-Z]+\d+)"/.exec(tableXml)!;
    const [first, last] = [Number(/\d+/.exec(from)![0]) + 1, Number(/\d+/.exec(to)![0])];
    const column = columnIndex(edit.column);
    if (column > cellColumn(to)) {
      if (column !== cellColumn(to) + 1 || !edit.header) throw new Error(`${edit.column}: append columns one at a time, with a header`);
      const ids = [...tableXml.matchAll(/<tableColumn\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
      tableXml = tableXml
        .replace(/\bref="([A-Z]+\d+):[A-Z]+(\d+)"/g, (_m, a: string, b: string) => `ref="${a}:${edit.column}${b}"`)
        .replace(/<tableColumns\b([^>]*)count="(\d+)"/, (_m, a: string, n: string) => `<tableColumns${a}count="${Number(n) + 1}"`)
        .replace("</tableColumns>", `<tableColumn id="${Math.max(...ids) + 1}" name="${escapeXml(edit.header)}"/></tableColumns>`);
      zip.file(tableName, tableXml);
    }
    const part = parts.get(edit.sheet)!;
    const xml = await zip.file(part)!.async("string");
    const out = xml.replace(/<row\b([^>]*?)r="(\d+)"([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g, (whole, a: string, n: string, b: string, _end: string, body = "") => {
      const row = Number(n);
      if (row < first - 1 || row > last) return whole;
      const ref = `${edit.column}${row}`;
      const cell = row === first - 1 ? (edit.header ? `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(edit.header)}</t></is></c>` : undefined) : `<c r="${ref}"><f>${escapeXml(edit.formula.replace(/\{row\}/g, n))}</f></c>`;
      if (!cell) return whole;
      const cells = [...body.matchAll(/<c\b[^>]*?r="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].filter((m) => m[1] !== edit.column);
      const index = cells.findIndex((m) => columnIndex(m[1]) > column);
      const list = cells.map((m) => m[0]);
      list.splice(index < 0 ? list.length : index, 0, cell);
      if (row >= first) written++;
      return `<row${a}r="${n}"${b.replace(/\bspans="[^"]*"/, "")}>${list.join("")}</row>`;
    });
    zip.file(part, out);
  }
  await writeCopy(zip, target);
  return written;
}

/** Each table's columns by name, as absolute column letters (`Risks` → `Status` → `$J`). */
async function tableColumnLetters(zip: JSZip): Promise<Map<string, Map<string, string>>> {
  const tables = new Map<string, Map<string, string>>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const table = /<table\b[^>]*\bname="([^"]+)"/.exec(xml)?.[1];
    const first = /\bref="([A-Z]+)\d+:/.exec(xml)?.[1];
    if (!table || !first) continue;
    const names = [...xml.matchAll(/<tableColumn\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
    tables.set(table.toUpperCase(), new Map(names.map((n, i) => [n.toUpperCase(), `$${columnLetter(columnIndex(first) + i)}`])));
  }
  return tables;
}

/** The recalculated copy with the sheet's this-row structured references written as A1 references. */
export async function withA1ThisRow(recalculated: Buffer, sheet: string, target: string): Promise<number> {
  const zip = await JSZip.loadAsync(recalculated);
  const part = (await sheetParts(zip)).get(sheet);
  if (!part) throw new Error(`no sheet "${sheet}"`);
  const tables = await tableColumnLetters(zip);
  const xml = await zip.file(part)!.async("string");
  let rewritten = 0;
  const out = xml.replace(/(<c\b[^>]*?r="[A-Z]+(\d+)"[^>]*>\s*<f\b[^>]*>)([^<]*)(<\/f>)/g, (_cell, open: string, row: string, formula: string, close: string) => {
    const a1 = formula.replace(/([A-Za-z_][\w.]*)\[\[#This Row\],\[((?:[^\]']|'.)+)\]\]/g, (ref, table: string, column: string) => {
      const letter = tables.get(table.toUpperCase())?.get(column.replace(/'(.)/g, "$1").toUpperCase());
      return letter ? `${letter}${row}` : ref;
    });
    if (a1 !== formula) rewritten++;
    return `${open}${a1}${close}`;
  });
  zip.file(part, out);
  await writeCopy(zip, target);
  return rewritten;
}

/** Every cell value of every sheet, by "part!ref", as LibreOffice stored it. */
async function cellValues(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const values = new Map<string, string>();
  for (const [sheet, part] of await sheetParts(zip)) {
    const xml = await zip.file(part)!.async("string");
    for (const m of xml.matchAll(/<c\b[^>]*?r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const value = /<v>([\s\S]*?)<\/v>/.exec(m[3] ?? "")?.[1] ?? /<t[^>]*>([\s\S]*?)<\/t>/.exec(m[3] ?? "")?.[1] ?? "";
      values.set(`${sheet}!${m[1]}`, `${/t="(\w+)"/.exec(m[2])?.[1] ?? "n"}:${value}`);
    }
  }
  return values;
}

/** Cells whose value differs between two recalculated files (cells only one of them has are skipped). */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = [await cellValues(a), await cellValues(b)];
  const differ: string[] = [];
  const same = (x: string, y: string) => {
    const [nx, ny] = [Number(x.slice(2)), Number(y.slice(2))];
    return x === y || (x.startsWith("n:") && y.startsWith("n:") && Math.abs(nx - ny) <= 1e-6 * Math.max(1, Math.abs(nx)));
  };
  for (const [ref, value] of left) if (right.has(ref) && !same(value, right.get(ref)!)) differ.push(`${ref} ${value} → ${right.get(ref)}`);
  return differ;
}

async function main(): Promise<void> {
  const [file, ...familyArgs] = process.argv.slice(2);
  if (!file) throw new Error("usage: tsx bench/engineFamilies.ts <workbook.xlsx> [family ...]");
  const dir = join(tmpdir(), `ismp-engine-families-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const load = () => require("node:os").loadavg()[0].toFixed(1) as string;
  try {
    const full = convert(file, join(dir, "full"));
    process.stdout.write(`full recalculation: ${(full.cpuMs / 1000).toFixed(1)} s CPU, ${(full.wallMs / 1000).toFixed(1)} s wall (load ${load()})\n`);
    const floorFile = join(dir, `floor-${basename(file)}`);
    await valuesOnly(full.output, floorFile);
    const floor = convert(floorFile, join(dir, "floor"));
    process.stdout.write(`floor: ${(floor.cpuMs / 1000).toFixed(1)} s CPU; ratio ${(full.cpuMs / floor.cpuMs).toFixed(2)}× (load ${load()})\n`);
    const recalculated = readFileSync(full.output);
    // LibreOffice's own copy loads slower than the file the add-in writes: the variants are made
    // from that copy, so they are compared with it recalculated unchanged.
    const controlFile = join(dir, `control-${basename(file)}`);
    writeFileSync(controlFile, recalculated);
    const control = convert(controlFile, join(dir, "control"));
    process.stdout.write(`control (LibreOffice's copy, unchanged): ${(control.cpuMs / 1000).toFixed(1)} s CPU; ratio ${(control.cpuMs / floor.cpuMs).toFixed(2)}× (load ${load()})\n`);
    for (const arg of familyArgs) {
      const variant = join(dir, `variant-${basename(file)}`);
      const redesign = arg.startsWith("@") ? (JSON.parse(readFileSync(arg.slice(1), "utf8")) as Redesign) : undefined;
      const spelling = arg.startsWith("a1:") ? arg.slice(3) : undefined;
      const family = redesign ? { label: redesign.label, sheet: "" } : spelling ? { label: `${spelling} in A1 references`, sheet: spelling } : parseFamily(arg);
      const cells = redesign
        ? await withRedesign(recalculated, redesign, variant)
        : spelling
          ? await withA1ThisRow(recalculated, spelling, variant)
          : await withoutFamily(recalculated, family, variant);
      const timing = convert(variant, join(dir, "variant"));
      const saved = control.cpuMs - timing.cpuMs;
      if (redesign || spelling) {
        const differ = await differences(full.output, timing.output);
        process.stdout.write(`${family.label}: ${differ.length} cells differ from the full recalculation${differ.length ? ` (${differ.slice(0, 5).join("; ")})` : ""}\n`);
      }
      process.stdout.write(
        `${family.label}: ${cells} formula cells ${redesign || spelling ? "rewritten" : "as values"} → ${(timing.cpuMs / 1000).toFixed(1)} s CPU, saves ${(saved / 1000).toFixed(1)} s (${((100 * saved) / (control.cpuMs - floor.cpuMs)).toFixed(0)}% of the formula cost) (load ${load()})\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`engineFamilies: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
