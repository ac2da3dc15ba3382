import { closingBracketIndex } from "../../src/core/formulaBrackets";
import { canonicalFormula } from "../../src/core/plan/formulaText";
import { tokenize, FormulaSyntaxError } from "../../src/headless/calc/tokenizer";

describe("closingBracketIndex: the one bracket scan of structured references", () => {
  it.each([
    ["Risks[Status]", 5, 12],
    ["Risks[[#This Row],[Impact]]", 5, 26],
    ["T[Col'[1']]+1", 1, 10],
    ["T[Col'']+1", 1, 7],
  ])("finds the bracket closing %s at %i", (text, open, close) => {
    expect(closingBracketIndex(text, open)).toBe(close);
  });

  it("says -1 when the brackets never balance", () => {
    expect(closingBracketIndex("Risks[[Status]", 5)).toBe(-1);
  });

  it("serves both callers: the comparison keeps unbalanced text apart, the host's tokenizer refuses it", () => {
    expect(canonicalFormula("=Risks[[Status]")).not.toBe(canonicalFormula("=Risks[[Status]]"));
    expect(() => tokenize("=Risks[[Status]")).toThrow(FormulaSyntaxError);
    expect(tokenize("=Risks[[Status]]")).toEqual([{ kind: "structured", table: "Risks", inner: "[Status]" }]);
  });
});
