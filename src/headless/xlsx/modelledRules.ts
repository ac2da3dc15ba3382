/**
 * Which conditional format rules of a file the model holds. The reader puts only these into the
 * model and the writer rewrites only these; every other rule stays in the file as it was.
 *
 * A rule Excel keeps in the worksheet's x14 extension ([MS-XLSX] 2.6.2 CT_CfRule) is out of the
 * model: an x14-only rule, or a main-part <cfRule> (ECMA-376 Part 1 §18.3.1.10) whose <extLst>
 * points at its x14 half by <x14:id> ([MS-XLSX] 2.6.13). So is an expression or cellIs rule with
 * no formula: the model would write it back as <formula></formula>, which Excel repairs as corrupt.
 */
const MODEL_TYPES = new Set(["expression", "cellIs", "containsText", "colorScale"]);
const FORMULA_TYPES = new Set(["expression", "cellIs"]);

export interface FileRuleShape {
  type: string;
  /** The rule lives wholly or partly in the x14 extension. */
  inExtension: boolean;
  /** How many non-empty formulas the rule carries. */
  formulas: number;
}

export function modelHoldsRule({ type, inExtension, formulas }: FileRuleShape): boolean {
  return MODEL_TYPES.has(type) && !inExtension && (!FORMULA_TYPES.has(type) || formulas > 0);
}
