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
    const words = [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, x0, y0, x1, y1, text]) => ({
      text: unescape(text),
      xMin: Number(x0),
      yMin: Number(y0),
      xMax: Number(x1),
      yMax: Number(y1),
    }));
    pages.push({ number: pages.length + 1, height, words, sheet: footerSheet(words, height, sheetNames) });
  }
  return pages;
}

/** The sheet named by the words in the bottom band of the page (the footer), longest name first. */
function footerSheet(words: Word[], height: number, sheetNames: readonly string[]): string | undefined {
  const footer = words.filter((w) => w.yMin > height - 72).map((w) => w.text).join(" ");
  return [...sheetNames].sort((a, b) => b.length - a.length).find((name) => footer.includes(name));
}

export const effectivePoints = (word: Word): number => (word.yMax - word.yMin) / BOX_HEIGHT_PER_POINT;

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
