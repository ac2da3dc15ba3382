/** Build and re-run (upgrade) on the headless host: round trips, request sizes, wall time, user cells kept. */
import type { BuildOptions } from "../src/core/blueprint/options";
import { buildWorkbook } from "../src/excel/build";
import { createWorkbook, run, type HeadlessWorkbook } from "../src/headless";
import { atMost, below, MB, measured, timed, type Measurement } from "./measurement";
import { changedCells, constantCells } from "./userCells";
import { allFrameworkOptions, BENCH_TODAY, sampleOptions } from "./workbooks";

const REQUEST_TARGET = below(4 * MB, "4 MB");

async function timedBuild(workbook: HeadlessWorkbook, options: BuildOptions): Promise<{ ms: number; cpuMs: number }> {
  workbook.stats.reset();
  return timed(() => run(workbook, (context) => buildWorkbook(context, options, BENCH_TODAY)));
}

const totalBytes = (workbook: HeadlessWorkbook): number => workbook.stats.requestBytes.reduce((sum, bytes) => sum + bytes, 0);

/** Figure 1: saas profile with sample data on an empty workbook (after one unmeasured warm-up build). */
export async function measureEmptyBuild(): Promise<Measurement[]> {
  await timedBuild(createWorkbook(), sampleOptions("saas"));
  const workbook = createWorkbook();
  const { ms } = await timedBuild(workbook, sampleOptions("saas"));
  const allowedSyncs = 3 + Math.floor(totalBytes(workbook) / (4 * MB));
  return [
    measured("Build (saas, sample): round trips", workbook.stats.syncs, "syncs", atMost(allowedSyncs)),
    measured("Build (saas, sample): largest request", workbook.stats.largestRequestBytes, "bytes", REQUEST_TARGET),
    measured("Build (saas, sample): headless wall time", ms, "ms"),
  ];
}

/** Figure 2: every framework (control matrix, requirements, SoA). */
export async function measureAllFrameworksBuild(): Promise<Measurement[]> {
  const workbook = createWorkbook();
  const { ms } = await timedBuild(workbook, allFrameworkOptions());
  return [
    measured("Build (all 8 frameworks): round trips", workbook.stats.syncs, "syncs", atMost(3)),
    measured("Build (all 8 frameworks): largest request", workbook.stats.largestRequestBytes, "bytes", REQUEST_TARGET),
    measured("Build (all 8 frameworks): headless wall time", ms, "ms"),
  ];
}

/** Figure 3: re-run the same build on a large register; nothing the user typed may change. */
export async function measureUpgrade(large: HeadlessWorkbook): Promise<Measurement[]> {
  const before = constantCells(large);
  const { ms, cpuMs } = await timedBuild(large, sampleOptions("saas"));
  const changed = changedCells(before, constantCells(large));
  return [
    measured("Re-run on 10k risks/2k assets: round trips", large.stats.syncs, "syncs", atMost(4)),
    measured("Re-run on 10k risks/2k assets: largest request", large.stats.largestRequestBytes, "bytes", REQUEST_TARGET),
    measured(`Re-run on 10k risks/2k assets: user cells changed (of ${before.size})`, changed.length, "cells", atMost(0)),
    measured("Re-run on 10k risks/2k assets: headless wall time", ms, "ms", atMost(2000, "2000")),
    measured("Re-run on 10k risks/2k assets: CPU time (wall time without other load)", cpuMs, "ms"),
  ];
}
