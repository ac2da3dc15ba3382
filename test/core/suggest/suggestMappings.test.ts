import { CONTROL_LIBRARY } from "../../../src/core/controls";
import { measureSuggestions, SuggestionIndex, suggestionFloor, suggestMappings } from "../../../src/core/suggest/suggestMappings";
import { termsOf } from "../../../src/core/suggest/terms";

describe("Mapping suggestions", () => {
  it("ranks a control's own requirement first from its text, with the words that matched", () => {
    const [top] = suggestMappings("ISO27001", "Multi-factor authentication. Require MFA for remote access, administrators and cloud consoles.");
    expect(top.requirementId).toBe("A.8.5");
    expect(top.score).toBe(1);
    expect(top.words).toContain("authentication");
  });

  it("reads security synonyms: 'MFA' alone finds the authentication requirement", () => {
    expect(termsOf("MFA").map((t) => t.term)).toContain(termsOf("authentication")[0].term);
    expect(suggestMappings("NISTCSF", "MFA on every VPN logon").map((s) => s.requirementId)).toContain("PR.AA-03");
  });

  it("leaves out what the control already has", () => {
    const ids = suggestMappings("ISO27001", "Multi-factor authentication for remote access", ["A.8.5"]).map((s) => s.requirementId);
    expect(ids).not.toContain("A.8.5");
    expect(ids.length).toBeGreaterThan(0);
  });

  it("shows only suggestions scoring near the best: fewer than five when one plainly fits, a full list with no floor", () => {
    const text = "Privacy notice. Tell individuals, before collection, what personal data is collected and why.";
    const shown = suggestMappings("SOC2", text);
    expect(shown.length).toBeLessThan(5);
    expect(shown.every((s) => s.score >= suggestionFloor("SOC2"))).toBe(true);
    expect(new SuggestionIndex("SOC2").suggest(text, 5, 0)).toHaveLength(5);
  });

  it("gives no suggestion for text with no word in common, and does not trip on words such as 'constructor'", () => {
    expect(suggestMappings("ISO27001", "")).toEqual([]);
    expect(suggestMappings("ISO27001", "constructor toString __proto__")).toEqual([]);
  });

  it("hides a control's own mappings when measuring it (leave-one-out)", () => {
    const control = CONTROL_LIBRARY[0];
    const withOwn = new SuggestionIndex("ISO27001").suggest(`${control.name}. ${control.description}`, 5, 0);
    const without = new SuggestionIndex("ISO27001", control.id).suggest(`${control.name}. ${control.description}`, 5, 0);
    expect(without).not.toEqual(withOwn);
  });

  it("reads the control's mappings in other frameworks as a crosswalk: background screening mapped to ISO A.6.1 and CSF GV.RR-04 finds SOC 2 CC1.4 first", () => {
    const control = CONTROL_LIBRARY.find((c) => c.id === "HRS-01")!;
    const index = new SuggestionIndex("SOC2", control.id);
    const text = `${control.name}. ${control.description}`;
    const known = [
      { framework: "ISO27001" as const, requirementId: "A.6.1" },
      { framework: "NISTCSF" as const, requirementId: "GV.RR-04" },
    ];
    const rank = (list: Array<{ requirementId: string }>) => list.findIndex((s) => s.requirementId === "CC1.4");
    expect(rank(index.suggest(text, 5, 0, new Set(), known))).toBe(0);
    expect(rank(index.suggest(text, 5, 0))).not.toBe(0);
  });

  it.each(["ISO27001", "NISTCSF", "SOC2"] as const)("meets the issue's targets for %s by leave-one-out: precision@5 ≥ 0.4, recall@5 ≥ 0.5", (framework) => {
    const quality = measureSuggestions(framework);
    expect(quality.controls).toBeGreaterThan(150);
    expect(quality.precisionAt5).toBeGreaterThanOrEqual(0.4);
    expect(quality.recallAt5).toBeGreaterThanOrEqual(0.5);
  });
});
