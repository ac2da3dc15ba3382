/**
 * commands.ts runs on load inside the shared-runtime page; these tests load it against a fake
 * Office global the way office.js would present it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

type Handler = (event: { completed: () => void }) => Promise<void>;

interface FakeOffice {
  onReady: (callback: () => void) => Promise<void>;
  actions?: { associate: jest.Mock };
  addin: { showAsTaskpane: jest.Mock };
}

const globals = globalThis as unknown as { Office?: FakeOffice; Excel?: unknown; window?: EventTarget };

function loadCommandsWith(office: FakeOffice | undefined): void {
  globals.Office = office;
  globals.Excel = { run: (batch: (context: object) => Promise<unknown>) => batch({}) };
  globals.window = new EventTarget();
  jest.isolateModules(() => {
    require("../../src/commands/commands");
  });
}

function fakeOffice(withActions = true): FakeOffice {
  return {
    onReady: async (callback) => callback(),
    actions: withActions ? { associate: jest.fn() } : undefined,
    addin: { showAsTaskpane: jest.fn(async () => undefined) },
  };
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
  delete globals.window;
});

async function flush(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe("ribbon command registration", () => {
  it("associates the checkWorkbook action named in the manifest once Office is ready", async () => {
    const office = fakeOffice();
    loadCommandsWith(office);
    await flush();
    expect(office.actions?.associate).toHaveBeenCalledWith("checkWorkbook", expect.any(Function));
    const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
    expect(manifest).toContain("<FunctionName>checkWorkbook</FunctionName>");
  });

  it("always tells Office the command completed, even when the check fails", async () => {
    const office = fakeOffice();
    loadCommandsWith(office);
    await flush();
    const handler = office.actions?.associate.mock.calls[0][1] as Handler;
    const completed = jest.fn();

    await handler({ completed });

    expect(completed).toHaveBeenCalledTimes(1);
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
  });

  it("loads without errors where office.js or its actions API is absent", async () => {
    expect(() => loadCommandsWith(undefined)).not.toThrow();
    const office = fakeOffice(false);
    expect(() => loadCommandsWith(office)).not.toThrow();
    await flush();
  });
});
