import { createWorkbook, run } from "./src/headless";
import { buildWorkbook } from "./src/excel/build";
import { quantifyWorkbook } from "./src/excel/quantify";
import { defaultOptions } from "./src/core/blueprint/options";
(async () => {
  const model = createWorkbook();
  await run(model, (context) => buildWorkbook(context, { ...defaultOptions("saas"), sample: true }));
  for (const years of [20000, 100000]) {
    const t = performance.now();
    const s = await run(model, (context) => quantifyWorkbook(context, { years, yieldToHost: () => Promise.resolve() }));
    console.log(years, (performance.now() - t).toFixed(0), "ms", s.syncs, "syncs");
  }
})();
