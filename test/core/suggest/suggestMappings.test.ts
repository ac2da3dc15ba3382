import { CONTROL_LIBRARY } from "../../../src/core/controls";
import { measureSuggestions, SuggestionIndex, suggestMappings } from "../../../src/core/suggest/suggestMappings";

describe("Mapping suggestions", () => {
  it("ranks a control's own requirement first from its text, with the words that matched", () => {
    const [top] = suggestMappings("ISO27001", "Multi-factor authentication. Require MFA for remote access, administrators and cloud consoles.");
    expect(top.requirementId).toBe("A.8.5");
    expect(top.score).toBe(1);
    expect(top.words.length).toBeGreaterThan(0);
  });

  it("leaves out what the control already has", () => {
    const ids = suggestMappings("ISO27001", "Multi-factor authentication for remote access", ["A.8.5"]).map((s) => s.requirementId);
    expect(ids).not.toContain("A.8.5");
    expect(ids).toHaveLength(5);
  });

  it("hides a control's own mappings when measuring it (leave-one-out)", () => {
    const control = CONTROL_LIBRARY[0];
    const withOwn = new SuggestionIndex("ISO27001").suggest(`${control.name}. ${control.description}`, 5);
    const without = new SuggestionIndex("ISO27001", control.id).suggest(`${control.name}. ${control.description}`, 5);
    expect(without).not.toEqual(withOwn);
  });

  it("finds at least half of a hidden control's ISO 27001 mappings in its top five", () => {
    const quality = measureSuggestions("ISO27001");
    expect(quality.controls).toBeGreaterThan(150);
    expect(quality.recallAt5).toBeGreaterThanOrEqual(0.5);
  });
});
