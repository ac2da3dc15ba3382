/** Figure 5: Check on the large register. */
import { checkWorkbook } from "../src/excel/check";
import { run, type HeadlessWorkbook } from "../src/headless";
import { measured, timed, type Measurement } from "./measurement";
import { BENCH_TODAY } from "./workbooks";

export async function measureCheck(large: HeadlessWorkbook): Promise<Measurement[]> {
  large.stats.reset();
  const { result: problems, ms } = await timed(() => run(large, (context) => checkWorkbook(context, BENCH_TODAY)));
  return [
    measured(`Check on 10k risks/2k assets: round trips (${problems.length} problems found)`, large.stats.syncs, "syncs"),
    measured("Check on 10k risks/2k assets: largest request", large.stats.largestRequestBytes, "bytes"),
    measured("Check on 10k risks/2k assets: headless wall time", ms, "ms"),
  ];
}
