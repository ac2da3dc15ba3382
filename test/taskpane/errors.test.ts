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
