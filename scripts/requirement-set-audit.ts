/**
 * `npm run lint` step: prints the requirement sets the add-in's Office.js members need, per set,
 * and fails when one needs more than manifest.xml declares without a run-time check (see
 * scripts/requirements/audit.ts).
 */
import { auditRequirementSets, projectRoot, summarize } from "./requirements/audit";

const result = auditRequirementSets({ projectDir: projectRoot() });
const declared = Object.entries(result.declared).map(([set, version]) => `${set} ${version}`).join(", ");
console.log(`Requirement sets declared in manifest.xml: ${declared}`);
for (const line of summarize(result)) console.log(`  ${line}`);
if (result.problems.length > 0) {
  console.error(`\n${result.problems.length} Office.js member use(s) need more than the manifest declares:`);
  for (const problem of result.problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`Requirement-set audit: ${result.uses.length} member uses checked, none above the declared sets without a run-time check.`);
