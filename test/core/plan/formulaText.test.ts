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

describe("canonicalFormula with the formula's own table (Excel's display form, support.microsoft.com f5ed2452)", () => {
  const written = "=COUNTIFS(Risks[[Asset IDs]],\"*\"&Assets[[#This Row],[Asset ID]]&\"*\",Risks[[Status]],\"<>Closed\")";

  it.each([
    ["single brackets where the header has only spaces", '=COUNTIFS(Risks[Asset IDs],"*"&[@[Asset ID]]&"*",Risks[Status],"<>Closed")'],
    ["the table name kept on this-row references", '=COUNTIFS(Risks[Asset IDs],"*"&Assets[@[Asset ID]]&"*",Risks[Status],"<>Closed")'],
    ["the long form Excel writes to the file", '=COUNTIFS(Risks[[Asset IDs]],"*"&Assets[[#This Row],[Asset ID]]&"*",Risks[[Status]],"<>Closed")'],
  ])("accepts %s", (_label, displayed) => {
    expect(canonicalFormula(displayed, "Assets")).toBe(canonicalFormula(written, "Assets"));
  });

  it("reads a column of the formula's own table without a table name as that table's column", () => {
    expect(canonicalFormula("=SUM([Score])", "Risks")).toBe(canonicalFormula("=SUM(Risks[[Score]])", "Risks"));
    expect(canonicalFormula("=SUM([Score])", "Assets")).not.toBe(canonicalFormula("=SUM(Risks[[Score]])", "Assets"));
  });

  it.each([
    ["another table", '=COUNTIFS(Controls[Asset IDs],"*"&[@[Asset ID]]&"*",Risks[Status],"<>Closed")'],
    ["a column range instead of one column", '=COUNTIFS(Risks[[Asset IDs]:[Status]],"*"&[@[Asset ID]]&"*",Risks[Status],"<>Closed")'],
    ["the whole column instead of this row", '=COUNTIFS(Risks[Asset IDs],"*"&Assets[Asset ID]&"*",Risks[Status],"<>Closed")'],
  ])("tells apart a reference to %s", (_label, other) => {
    expect(canonicalFormula(other, "Assets")).not.toBe(canonicalFormula(written, "Assets"));
  });

  it("keeps escaped brackets and apostrophes in headers apart from plain ones", () => {
    expect(canonicalFormula("=T[[Cost '[USD']]]", "T")).toBe(canonicalFormula("=T[[cost '[usd']]]", "T"));
    expect(canonicalFormula("=T[[Cost '[USD']]]", "T")).not.toBe(canonicalFormula("=T[[Cost USD]]", "T"));
  });
});
