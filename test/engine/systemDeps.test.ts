/** The skip/fail rule for suites that need LibreOffice or Chromium. */
import { gateFor, missingMessage, sofficeDependency, type SystemDependency } from "../support/systemDeps";

const missing: SystemDependency = { name: "LibreOffice (soffice)", executable: undefined, installHint: "install libreoffice-calc (apt-get install -y libreoffice-calc)" };
const installed: SystemDependency = { ...missing, executable: "/usr/bin/soffice" };

describe("system dependency gate", () => {
  it("runs when the program is installed, in CI or not", () => {
    expect(gateFor(installed, {})).toBe("run");
    expect(gateFor(installed, { CI: "true" })).toBe("run");
  });

  it("skips on a developer machine and fails in CI when the program is missing", () => {
    expect(gateFor(missing, {})).toBe("skip");
    expect(gateFor(missing, { CI: "false" })).toBe("skip");
    expect(gateFor(missing, { CI: "true" })).toBe("fail");
    expect(gateFor(missing, { CI: "1" })).toBe("fail");
  });

  it("tells the reader what was skipped and how to install it", () => {
    expect(missingMessage("engine", sofficeDependency())).toBe("ENGINE TESTS SKIPPED: install libreoffice-calc (apt-get install -y libreoffice-calc)");
  });
});
