import { canonicalFormula } from "../../../src/core/plan/formulaText";

const LONG_FORM = "=IF(Risks[[#This Row],[Inherent Likelihood]]=\"\",\"\",Risks[[#This Row],[Inherent Likelihood]]*Risks[[#This Row],[Impact]])";

describe("canonicalFormula", () => {
  it.each([
    ["Excel's display form", '=IF([@[Inherent Likelihood]]="","",[@[Inherent Likelihood]]*[@Impact])'],
    ["the display form with the table name", '=IF(Risks[@[Inherent Likelihood]]="","",Risks[@[Inherent Likelihood]]*Risks[@Impact])'],
    ["the long form with Excel's space after the comma", '=IF(Risks[[#This Row], [Inherent Likelihood]]="","",Risks[[#This Row], [Inherent Likelihood]]*Risks[[#This Row], [Impact]])'],
    ["lower-case function names and extra spaces", '= if( [@[Inherent Likelihood]] = "" , "" , [@[Inherent Likelihood]] * [@Impact] )'],
  ])("treats %s as the long form the blueprint writes", (_label, displayed) => {
    expect(canonicalFormula(displayed)).toBe(canonicalFormula(LONG_FORM));
  });

  it.each([
    ["another column", '=IF([@[Inherent Likelihood]]="","",[@[Inherent Likelihood]]*[@Likelihood])'],
    ["another operator", '=IF([@[Inherent Likelihood]]="","",[@[Inherent Likelihood]]+[@Impact])'],
    ["another string literal", '=IF([@[Inherent Likelihood]]="","-",[@[Inherent Likelihood]]*[@Impact])'],
  ])("tells a formula with %s apart", (_label, other) => {
    expect(canonicalFormula(other)).not.toBe(canonicalFormula(LONG_FORM));
  });

  it("keeps string literals as typed", () => {
    expect(canonicalFormula('=IF(A1="Lookup matrix","a b","")')).toBe('IF(A1="Lookup matrix","a b","")');
  });
});
