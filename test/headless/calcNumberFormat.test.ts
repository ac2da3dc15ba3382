import { dateToSerial, formatValue, isDateFormat, serialToDate } from "../../src/headless";
import { formatNumberStrictly } from "../../src/headless/calc/numberFormat";

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

describe("TEXT() number formats (Excel's TEXT function and number format code reference)", () => {
  it.each([
    [1234.567, "$#,##0.00", "$1,234.57"],
    [0.285, "0.0%", "28.5%"],
    [1234, "0000000", "0001234"],
    [1234.5, "#,##0", "1,235"],
    [-1234.5, "#,##0;(#,##0)", "(1,235)"],
    [-1234.5, "#,##0", "-1,235"],
    [0, '0;-0;"zero"', "zero"],
    [1500000, '#,##0.0,,"M"', "1.5M"],
    [0.5, "#.##", ".5"],
    [2, "0.0#", "2.0"],
    [2.345, "0.0#", "2.35"],
    [1.005, "0.00", "1.01"],
    [-2.5, "0", "-3"],
    [1234.5, "[$€-407]#,##0.00", "€1,234.50"],
    [5, "[Red]0", "5"],
    [46349, "yyyy-mm-dd", "2026-11-23"],
    [46349, "d mmm yyyy", "23 Nov 2026"],
    [46349, "mmmm yyyy", "November 2026"],
    [46349, "dddd", "Monday"],
    [46349, "ddd d/m", "Mon 23/11"],
    [46349.75, "hh:mm", "18:00"],
    [46349.75, "h:mm AM/PM", "6:00 PM"],
    [46349.5, "yyyy-mm-dd hh:mm:ss", "2026-11-23 12:00:00"],
    [0.1 + 0.2, "General", "0.3"],
  ])("%p under %p is %p", (value, format, text) => {
    expect(formatNumberStrictly(value, format)).toBe(text);
  });

  // A format that shows a time rounds it to the nearest second and carries into the day, as Excel does
  // (SheetJS's ssf models this on Excel: SheetJS/ssf#32), so 23:59:59.6 is the next day's midnight,
  // never "24:00"; a format without time codes shows the day the value falls on, arithmetic noise
  // within a ten-thousandth of a second of midnight aside (a date-only cell and a date-time cell agree).
  it.each([
    [45000.99999999, "yyyy-mm-dd hh:mm:ss", "2023-03-16 00:00:00"],
    [45000.99999999, "d mmm yyyy h:mm AM/PM", "16 Mar 2023 12:00 AM"],
    [45000.99999999, "dddd hh:mm", "Thursday 00:00"],
    [45000.99999999, "dddd yyyy-mm-dd", "Wednesday 2023-03-15"],
    [45999.99999999999, "yyyy-mm-dd", "2025-12-09"],
    [45999.99999999999, "yyyy-mm-dd hh:mm", "2025-12-09 00:00"],
    [45000 + (86399.4 / 86400), "yyyy-mm-dd hh:mm:ss", "2023-03-15 23:59:59"],
    [45000 + (10 * 3600 + 29 * 60 + 59.6) / 86400, "hh:mm", "10:30"],
    [45000 + (10 * 3600 + 29 * 60 + 40) / 86400, "hh:mm", "10:29"],
  ])("a shown time rounds to the nearest second, past midnight into the next day: %p under %p is %p", (value, format, text) => {
    expect(formatNumberStrictly(value, format)).toBe(text);
  });

  it.each([["# ?/?"], ["0.00E+00"], ["[<=9999999]###-####;(###) ###-####"], ["000-0000"], ["[h]:mm"], ["*-0"]])(
    "does not guess under %p (TEXT leaves the cell without a value)",
    (format) => {
      expect(formatNumberStrictly(1234.5, format)).toBeUndefined();
    },
  );
});
