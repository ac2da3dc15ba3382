import { dateToSerial, formatValue, isDateFormat, serialToDate } from "../../src/headless";

describe("number formats for display", () => {
  it.each([
    [46349, "yyyy-mm-dd", "2026-11-23"],
    [46349, "d mmm yyyy", "23 Nov 2026"],
    [46349, "dd/mm/yy", "23/11/26"],
    [0.8495934959, "0%", "85%"],
    [0.8495934959, "0.0%", "85.0%"],
    [12.345, "0", "12"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [0.1 + 0.2, "General", "0.3"],
    [20, undefined, "20"],
    [true, undefined, "TRUE"],
    ["#NAME?", "0%", "#NAME?"],
    [undefined, "0%", ""],
  ])("%p under %p shows %p", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it("tells date formats from number formats", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat("0.0%")).toBe(false);
    expect(isDateFormat('"day" 0')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });

  it("converts local calendar dates to Excel serials and back", () => {
    expect(dateToSerial(new Date(1900, 2, 1))).toBe(61);
    expect(dateToSerial(new Date(2026, 10, 23, 23, 59))).toBe(46349);
    expect(serialToDate(46349).toISOString().slice(0, 10)).toBe("2026-11-23");
  });
});
