import { dateOrderHint, formatSerial, parseDate, parseNumber } from "../../../src/core/import/cellText";
import { parseCsvGrid } from "../../../src/core/import/sourceTable";
import fc from "fast-check";

const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

describe("Reading numbers the way people write them", () => {
  it.each([
    ["1,234.5", 1234.5],
    ["$1,000", 1000],
    ["€ 12", 12],
    ["1.234,5", 1234.5],
    ["12,5", 12.5],
    ["1,234", 1234],
    ["-7", -7],
    ["1e3", 1000],
  ])("%s is %d", (text, value) => expect(parseNumber(text)).toBe(value));

  it("reads percentages as fractions, and plain numbers above 1 as percent in a percent column", () => {
    expect(parseNumber("12%")).toBeCloseTo(0.12);
    expect(parseNumber("95", true)).toBeCloseTo(0.95);
    expect(parseNumber("0.95", true)).toBeCloseTo(0.95);
  });

  it.each(["", "abc", "12 apples", "1-2", "--1"])("%j is not a number", (text) => expect(parseNumber(text)).toBeUndefined());
});

describe("Reading dates in ISO, US, European and Jira forms", () => {
  it.each([
    ["2026-11-23", "mdy", serial(2026, 11, 23)],
    ["2026/11/23", "dmy", serial(2026, 11, 23)],
    ["11/23/2026", "mdy", serial(2026, 11, 23)],
    ["23/11/2026", "dmy", serial(2026, 11, 23)],
    ["23.11.2026", "dmy", serial(2026, 11, 23)],
    ["23 Nov 2026", "mdy", serial(2026, 11, 23)],
    ["Nov 23, 2026", "dmy", serial(2026, 11, 23)],
    ["14/Mar/26 9:12 AM", "mdy", serial(2026, 3, 14)],
    ["46349", "mdy", 46349],
  ] as const)("%s (%s) is serial %d", (text, order, value) => expect(parseDate(text, order, false)).toBe(value));

  it("keeps the time of day only for date-time columns", () => {
    expect(parseDate("2026-11-23T14:30:00Z", "mdy", true)).toBeCloseTo(serial(2026, 11, 23) + 14.5 / 24, 9);
    expect(parseDate("14/Mar/26 2:30 PM", "mdy", true)).toBeCloseTo(serial(2026, 3, 14) + 14.5 / 24, 9);
    expect(parseDate("2026-11-23 14:30", "mdy", false)).toBe(serial(2026, 11, 23));
  });

  it("keeps the seconds and their fraction a date-time carries", () => {
    expect(parseDate("2026-11-23 14:30:45", "mdy", true)).toBeCloseTo(serial(2026, 11, 23) + (14.5 * 3600 + 45) / 86_400, 9);
    expect(parseDate("2026-11-23T14:30:45.750Z", "mdy", true)).toBeCloseTo(serial(2026, 11, 23) + (14.5 * 3600 + 45.75) / 86_400, 9);
    expect(parseDate("2026-11-23 14:30:60", "mdy", true)).toBeUndefined();
  });

  it.each(["2026-02-30", "31/02/2026", "13/13/2026", "someday", "2026-11-23 25:00"])("refuses %s", (text) => expect(parseDate(text, "dmy", true)).toBeUndefined());

  it("tells the date order from a day or month above 12, and says when it cannot", () => {
    expect(dateOrderHint("23/11/2026")).toBe("dmy");
    expect(dateOrderHint("11/23/2026")).toBe("mdy");
    expect(dateOrderHint("03/04/2026")).toBe("ambiguous");
    expect(dateOrderHint("2026-11-23")).toBeUndefined();
  });

  it("writes serials back as ISO dates", () => {
    expect(formatSerial(serial(2026, 11, 23), false)).toBe("2026-11-23");
    expect(formatSerial(serial(2026, 11, 23) + 14.5 / 24, true)).toBe("2026-11-23 14:30");
    expect(formatSerial(serial(2026, 11, 23) + (14.5 * 3600 + 45) / 86_400, true)).toBe("2026-11-23 14:30:45");
  });
});

describe("Writing serials as text the import reads back", () => {
  const SECOND = 1 / 86_400;
  /** 9999-12-31, the last day the import takes. */
  const LAST_DAY = serial(9999, 12, 31);

  it("keeps a time in a day's last half minute on its day, to the second: 2026-03-01 23:59:45, not 24:00", () => {
    const text = formatSerial(serial(2026, 3, 1) + 86_385 * SECOND, true);
    expect(text).toBe("2026-03-01 23:59:45");
    expect(parseDate(text, "mdy", true)).toBeCloseTo(serial(2026, 3, 1) + 86_385 * SECOND, 9);
  });

  it("rounds a time to the nearest second as Excel shows it, carrying the day's last half second into the next day", () => {
    expect(formatSerial(45000.99999, true)).toBe("2023-03-15 23:59:59");
    expect(formatSerial(45000.999995, true)).toBe("2023-03-16 00:00");
    expect(formatSerial(serial(2026, 12, 31) + 86_399.6 * SECOND, true)).toBe("2027-01-01 00:00");
  });

  it("writes every date-time the import accepts as text it reads back to the same second", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: LAST_DAY, noNaN: true }), fc.constantFrom("mdy" as const, "dmy" as const), (value, order) => {
        const text = formatSerial(value, true);
        const read = parseDate(text, order, true);
        expect(read).toBeDefined();
        expect(Math.abs(value - read!)).toBeLessThanOrEqual(SECOND / 2 + 1e-9);
        expect(formatSerial(read!, true)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes every date the import accepts as the day it reads back", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: LAST_DAY, noNaN: true }), (value) => {
        expect(parseDate(formatSerial(value, false), "dmy", false)).toBe(Math.floor(value));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("CSV grids", () => {
  it("guesses tab, semicolon and pipe delimiters even when the file ends with a newline", () => {
    expect(parseCsvGrid("Title\tOwner\nKey loss\tZoë\n")).toEqual([["Title", "Owner"], ["Key loss", "Zoë"]]);
    expect(parseCsvGrid("a;b\r\nc;d\r\n\r\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parseCsvGrid('a|b\n"x\ny"|z\n')).toEqual([["a", "b"], ["x\ny", "z"]]);
  });

  it("drops the apostrophe an export put before a formula character, and keeps others", () => {
    expect(parseCsvGrid("a,b,c\n'=1+1,'-5,'plain\n")[1]).toEqual(["=1+1", "-5", "'plain"]);
  });
});
