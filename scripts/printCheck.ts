/**
 * Print check: LibreOffice prints every visible sheet of a workbook to one PDF (one soffice call);
 * `pdftotext -bbox-layout` gives each word's box; pages are attributed to sheets by their footer
 * (the center footer is the sheet name, &A). Reports the smallest printed word, overlapping words
 * and pages per sheet.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { createProfile, SOFFICE } from "./recalc";
import { MIN_PRINTED_POINTS } from "../src/core/blueprint/paper";

/**
 * Box height ÷ font size of pdftotext's word boxes for the fonts LibreOffice prints with here
 * (DejaVu Sans/Serif stand in for Calibri): measured 14.30 for 11 pt and 9.10 for 7 pt at 100%.
 */
export const BOX_HEIGHT_PER_POINT = 1.3;
/** Boxes must overlap by more than this (points) across to count as overlapping. */
const OVERLAP_TOLERANCE = 0.6;
/**
 * ...and by more than this share of the lower box's height down. A word box spans the font's ascent
 * and descent (1.3 × the size), more than the line pitch LibreOffice sets lines of one cell at
 * (1.16 × the size): consecutive lines of a wrapped cell overlap by about 11% of a box without any
 * text touching. Text drawn over text (a wrapped cell spilling into the row below) overlaps by more.
 */
const LINE_OVERLAP_SHARE = 0.2;

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** Drawn turned a quarter (a chart's vertical axis title): the box's width is its line height. */
  turned?: boolean;
}

export interface PrintedPage {
  number: number;
  height: number;
  words: Word[];
  /** The sheet the page's footer names, when it names one. */
  sheet?: string;
}

export function printToPdf(xlsx: string, outDir: string): string {
  const profile = createProfile("lo-print-");
  try {
    const result = spawnSync(SOFFICE, [profile.arg, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsx], { encoding: "utf8", timeout: 300_000 });
    if (result.error || result.status !== 0) throw new Error(`LibreOffice PDF export failed: ${result.error?.message ?? result.stderr}`);
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(xlsx).replace(/\.xlsx$/, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${xlsx}`);
  return pdf;
}

const unescape = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&");

/** Every page's words, from pdftotext -bbox-layout. */
export function readPages(pdf: string, sheetNames: readonly string[]): PrintedPage[] {
  const result = spawnSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`pdftotext failed: ${result.error?.message ?? result.stderr}`);
  const pages: PrintedPage[] = [];
  for (const [, attributes, body] of result.stdout.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const height = Number(/height="([\d.]+)"/.exec(attributes)?.[1]);
    const words = [...body.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].flatMap(([, line]) => turnedLine(wordsOf(line)));
    pages.push({ number: pages.length + 1, height, words, sheet: footerSheet(words, height, sheetNames) });
  }
  return pages;
}

function wordsOf(xml: string): Word[] {
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, x0, y0, x1, y1, text]) => ({
    text: unescape(text),
    xMin: Number(x0),
    yMin: Number(y0),
    xMax: Number(x1),
    yMax: Number(y1),
  }));
}

/**
 * A line of two or more words stacked one above the other in one column of the same width is text
 * turned a quarter (pdftotext gives it as one line): its words' sizes are their boxes' widths.
 */
export function turnedLine(words: Word[]): Word[] {
  const [first] = words;
  const stacked =
    words.length > 1 &&
    words.every((w) => Math.abs(w.xMin - first.xMin) < 0.5 && Math.abs(w.xMax - first.xMax) < 0.5) &&
    words.every((w, i) => i === 0 || w.yMax <= words[i - 1].yMin + 0.5 || w.yMin >= words[i - 1].yMax - 0.5);
  return stacked ? words.map((w) => ({ ...w, turned: true })) : words;
}

/** The sheet named by the words in the bottom band of the page (the footer), longest name first. */
function footerSheet(words: Word[], height: number, sheetNames: readonly string[]): string | undefined {
  const footer = words.filter((w) => w.yMin > height - 72).map((w) => w.text).join(" ");
  return [...sheetNames].sort((a, b) => b.length - a.length).find((name) => footer.includes(name));
}

export const effectivePoints = (word: Word): number => (word.turned ? word.xMax - word.xMin : word.yMax - word.yMin) / BOX_HEIGHT_PER_POINT;

/** Pairs of words whose boxes overlap (text drawn over other text). */
export function overlappingWords(page: PrintedPage): Array<[Word, Word]> {
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  const pairs: Array<[Word, Word]> = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length && words[j].yMin < words[i].yMax - OVERLAP_TOLERANCE; j++) {
      const [a, b] = [words[i], words[j]];
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const lineGap = LINE_OVERLAP_SHARE * Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (x > OVERLAP_TOLERANCE && y > Math.max(OVERLAP_TOLERANCE, lineGap)) pairs.push([a, b]);
    }
  }
  return pairs;
}

export interface PrintReport {
  pages: number;
  words: number;
  smallest: { points: number; word: string; page: number; sheet?: string };
  tooSmall: Array<{ word: string; points: number; page: number; sheet?: string }>;
  overlaps: Array<{ page: number; sheet?: string; words: [string, string] }>;
  pagesBySheet: Record<string, number>;
  unattributed: number[];
}

export function checkPrint(pages: PrintedPage[]): PrintReport {
  const report: PrintReport = { pages: pages.length, words: 0, smallest: { points: Infinity, word: "", page: 0 }, tooSmall: [], overlaps: [], pagesBySheet: {}, unattributed: [] };
  for (const page of pages) {
    if (page.sheet) report.pagesBySheet[page.sheet] = (report.pagesBySheet[page.sheet] ?? 0) + 1;
    else report.unattributed.push(page.number);
    for (const word of page.words) {
      report.words++;
      const points = effectivePoints(word);
      if (points < report.smallest.points) report.smallest = { points, word: word.text, page: page.number, sheet: page.sheet };
      if (points < MIN_PRINTED_POINTS - 0.05) report.tooSmall.push({ word: word.text, points, page: page.number, sheet: page.sheet });
    }
    for (const [a, b] of overlappingWords(page)) report.overlaps.push({ page: page.number, sheet: page.sheet, words: [a.text, b.text] });
  }
  return report;
}

/** Words of a page's top line (the highest words, within a point), above the footer band. */
export function topLine(page: PrintedPage): Word[] {
  const body = page.words.filter((w) => w.yMin <= page.height - 72);
  const top = Math.min(...body.map((w) => w.yMin));
  return body.filter((w) => w.yMin < top + 1);
}

/**
 * Pages across a sheet printed down, then over (Excel's and LibreOffice's default order): its pages
 * divided by the pages that print its first column, found by the first column's header (`firstHeader`,
 * on the repeated header row) at the left edge of the page's text.
 */
export function pagesAcross(pages: readonly PrintedPage[], firstHeader: string): number {
  const [first, second] = firstHeader.split(" ");
  const down = pages.filter((page) => {
    const left = Math.min(...page.words.map((w) => w.xMin));
    return page.words.some(
      (w) => w.text === first && w.xMin < left + 2 && (!second || page.words.some((n) => n.text === second && Math.abs(n.yMin - w.yMin) < 0.5 && n.xMin > w.xMax && n.xMin < w.xMax + 8)),
    );
  }).length;
  return down === 0 ? Infinity : pages.length / down;
}
