/** Row heights that fit wrapped text: what a printed register needs so no line is drawn over the row below. */
import { DEFAULT_ROW_HEIGHT, fittedRowHeight, textWidth, wrappedLines } from "../../../src/core/blueprint/textFit";

describe("wrapped text", () => {
  it("is one line when it fits the column, and breaks between words when it does not", () => {
    expect(wrappedLines("Backups fail", 120)).toBe(1);
    const sentence = "A laptop holding customer files is left on a train; without disk encryption the data is readable.";
    const lines = wrappedLines(sentence, 200);
    expect(lines).toBeGreaterThanOrEqual(3);
    // Every line holds at most the column's width of text.
    expect(textWidth(sentence)).toBeLessThanOrEqual(lines * 200);
  });

  it("counts line breaks typed in the cell, and breaks a word longer than the column", () => {
    expect(wrappedLines("one\ntwo\nthree", 200)).toBe(3);
    expect(wrappedLines("x".repeat(100), 60)).toBeGreaterThanOrEqual(100 * textWidth("x") / 60 - 1);
  });

  it("gives bigger and bold text more width", () => {
    expect(textWidth("Critical", 16)).toBeGreaterThan(textWidth("Critical", 11));
    expect(textWidth("Critical", 11, true)).toBeGreaterThan(textWidth("Critical", 11));
  });
});

describe("fitted row height", () => {
  it("keeps the default height for short text and unwrapped cells", () => {
    expect(fittedRowHeight([{ text: "R-001", width: 60, wrap: true }])).toBe(DEFAULT_ROW_HEIGHT);
    expect(fittedRowHeight([{ text: "a long text ".repeat(20), width: 60, wrap: false }])).toBe(DEFAULT_ROW_HEIGHT);
  });

  it("is 15 pt per line of the tallest wrapped cell of the row", () => {
    const text = "word ".repeat(40).trim();
    const lines = wrappedLines(text, 150);
    expect(fittedRowHeight([{ text: "short", width: 150, wrap: true }, { text, width: 150, wrap: true }])).toBe(lines * 15);
  });

  it("stops at Excel's largest row height", () => {
    expect(fittedRowHeight([{ text: "word ".repeat(2000), width: 60, wrap: true }])).toBe(409);
  });
});
