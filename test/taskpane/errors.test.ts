import { readFileSync } from "node:fs";
import { describeError } from "../../src/taskpane/errors";

const officeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("error messages", () => {
  it("keeps Excel's code and explains it in plain words", () => {
    const friendly = describeError(officeError("ItemNotFound", "The requested resource doesn't exist."));
    expect(friendly.code).toBe("ItemNotFound");
    expect(friendly.cause).toMatch(/missing.*Build/);
    expect(friendly.detail).toBe("The requested resource doesn't exist.");
  });

  it("recognises a protected sheet behind InvalidOperation or AccessDenied", () => {
    for (const code of ["InvalidOperation", "AccessDenied"]) {
      const friendly = describeError(officeError(code, "The cell or chart you're trying to change is on a protected sheet."));
      expect(friendly.code).toBe(code);
      expect(friendly.cause).toMatch(/Unprotect/);
    }
    expect(describeError(officeError("InvalidOperation", "Cell is in edit mode")).cause).not.toMatch(/Unprotect/);
  });

  it.each([
    ["InvalidArgument", /rejected a value/],
    ["RequestPayloadSizeLimitExceeded", /too large/],
    ["GeneralException", /internal error/],
    ["Unsupported", /too old/],
  ])("explains %s", (code, cause) => {
    expect(describeError(officeError(code, "x")).cause).toMatch(cause);
  });

  it("shows the add-in's own refusals as written and keeps Excel's error location", () => {
    const blocked = describeError(officeError("OperationBlocked", "The Risks table has a protected header row."));
    expect(blocked.cause).toBe("The Risks table has a protected header row.");
    const located = describeError(Object.assign(officeError("InvalidArgument", "bad"), { debugInfo: { errorLocation: "Range.values" } }));
    expect(located.location).toBe("Range.values");
  });

  it("treats the placeholder operations as a feature not available yet", () => {
    const friendly = describeError(new Error("Not implemented yet"));
    expect(friendly.code).toBe("NotImplemented");
    expect(friendly.cause).toMatch(/isn't available yet/);
  });

  it("still says something useful for unknown errors and non-errors", () => {
    expect(describeError("boom")).toEqual({ code: "Error", cause: expect.stringMatching(/Try again/), detail: "boom" });
    expect(describeError(officeError("SomethingNew", "odd")).cause).toMatch(/Try again/);
  });
});

describe("a plain message for every Office.js error code (application-specific-api-error-handling)", () => {
  const typings = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const enumValues = (namespace: string): string[] => {
    const start = typings.indexOf(`declare namespace ${namespace} {`);
    const block = /\n {4}(?:enum|class) ErrorCodes \{([\s\S]*?)\n {4}\}/.exec(typings.slice(start))?.[1] ?? "";
    return [...block.matchAll(/= "([^"]+)"/g)].map((m) => m[1]);
  };
  const excelCodes = enumValues("Excel");
  const unknown = describeError(officeError("NoSuchCode", "x")).cause;

  it.each([...excelCodes, "RequestPayloadSizeLimitExceeded", "ActivityLimitReached", "InvalidObjectPath", "PropertyNotLoaded", "ValueNotLoaded", "InvalidRequestContext", "RunMustReturnPromise", "CannotRegisterEvent", "ConnectionFailure"])(
    "explains %s",
    (code) => {
      expect(describeError(officeError(code, "x")).cause).not.toBe(unknown);
    },
  );

  it("reads Excel.ErrorCodes from @types/office-js (the list cannot silently shrink)", () => {
    expect(excelCodes).toEqual(expect.arrayContaining(["InvalidOperationInCellEditMode", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]));
  });

  it("tells the analyst how to leave cell-edit mode", () => {
    expect(describeError(officeError("InvalidOperationInCellEditMode", "x")).cause).toMatch(/Enter or Esc/);
  });
});
