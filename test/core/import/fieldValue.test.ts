import { holdsValue } from "../../../src/core/import/fieldValue";
import { date, dateTime, text } from "../../../src/core/registers/fields";

const SECOND = 1 / 86_400;
const DAY = 46_082; // 2026-03-01

describe("Whether a register cell already holds what an update would write", () => {
  it("a date-time is the same to the second: other last digits are no change, another second is", () => {
    const detected = dateTime("Detected");
    const read = DAY + 86_385 * SECOND;
    expect(holdsValue(Number(read.toPrecision(15)), read, detected)).toBe(true);
    expect(holdsValue(read + 0.3 * SECOND, read, detected)).toBe(true);
    expect(holdsValue(read + SECOND, read, detected)).toBe(false);
    expect(holdsValue(read - 60 * SECOND, read, detected)).toBe(false);
  });

  it("a date is the same day: a time of day the cell holds is no change, another day is", () => {
    const reviewed = date("Last Reviewed");
    expect(holdsValue(DAY + 0.5, DAY, reviewed)).toBe(true);
    expect(holdsValue(DAY + 1, DAY, reviewed)).toBe(false);
  });

  it("a number of another column is the same only exactly, and text matches the number it spells", () => {
    const notes = text("Notes", 20);
    expect(holdsValue(DAY + 0.3 * SECOND, DAY, notes)).toBe(false);
    expect(holdsValue(7.2, "7.2", notes)).toBe(true);
    expect(holdsValue(null, "", notes)).toBe(true);
    expect(holdsValue("", "x", notes)).toBe(false);
  });
});
