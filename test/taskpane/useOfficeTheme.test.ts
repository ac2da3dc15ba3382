import { rememberedTheme, rememberTheme } from "../../src/taskpane/useOfficeTheme";

/** A localStorage stand-in; `failing` throws as a browser does with storage turned off. */
function memoryStorage(failing = false) {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => {
      if (failing) throw new DOMException("The operation is insecure.", "SecurityError");
      return items.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (failing) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      items.set(key, value);
    },
    items,
  };
}

const dark = { bodyBackgroundColor: "#292929", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#3B3B3B", controlForegroundColor: "#F0F0F0", isDarkTheme: true };

describe("the Office theme the pane opens with, before Office.onReady", () => {
  it("is the theme Office reported last time", () => {
    const storage = memoryStorage();
    expect(rememberedTheme(() => storage)).toEqual({});
    rememberTheme(dark, () => storage);
    expect(rememberedTheme(() => storage)).toEqual(dark);
  });

  it("starts light when nothing usable was kept", () => {
    const storage = memoryStorage();
    storage.items.set("ismp.officeTheme", "{not json");
    expect(rememberedTheme(() => storage)).toEqual({});
    storage.items.set("ismp.officeTheme", JSON.stringify({ bodyBackgroundColor: 292929 }));
    expect(rememberedTheme(() => storage)).toEqual({});
    storage.items.set("ismp.officeTheme", JSON.stringify(["#292929"]));
    expect(rememberedTheme(() => storage)).toEqual({});
    expect(rememberedTheme(() => undefined)).toEqual({});
  });

  it("never fails the pane when storage refuses access", () => {
    const storage = memoryStorage(true);
    expect(() => rememberTheme(dark, () => storage)).not.toThrow();
    expect(rememberedTheme(() => storage)).toEqual({});
  });

  it("never fails the pane when reading localStorage itself throws (storage blocked for Excel on the web's frame)", () => {
    const blocked = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
    expect(() => rememberTheme(dark, blocked)).not.toThrow();
    expect(rememberedTheme(blocked)).toEqual({});
  });

  it("reads the page's localStorage only when asked, so a blocked getter on globalThis is caught", () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
    try {
      expect(rememberedTheme()).toEqual({});
      expect(() => rememberTheme(dark)).not.toThrow();
    } finally {
      if (descriptor) Object.defineProperty(globalThis, "localStorage", descriptor);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
