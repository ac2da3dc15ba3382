/**
 * The production build copies manifest.xml through webpack.config.js, which must point every URL
 * at the production host and leave a manifest that still passes the offline check.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "../../scripts/manifest-check";

const repoRoot = join(__dirname, "..", "..");
const manifest = readFileSync(join(repoRoot, "manifest.xml"), "utf8");


interface CopyPattern {
  from: string;
  to?: string;
  transform?: (content: Buffer) => string | Buffer;
}

interface WebpackConfig {
  plugins: Array<{ constructor: { name: string }; patterns?: CopyPattern[]; userOptions?: { filename?: string } }>;
  entry: Record<string, string>;
}

async function loadConfig(mode: "production" | "development", prodUrl?: string): Promise<WebpackConfig> {
  const previous = process.env.ISMP_PROD_URL;
  if (prodUrl) process.env.ISMP_PROD_URL = prodUrl;
  else delete process.env.ISMP_PROD_URL;
  try {
    let factory: (env: object, options: object) => Promise<WebpackConfig> = async () => {
      throw new Error("webpack.config.js was not loaded");
    };
    jest.isolateModules(() => {
      factory = require(join(repoRoot, "webpack.config.js"));
    });
    return await factory({ WEBPACK_BUILD: true }, { mode });
  } finally {
    if (previous === undefined) delete process.env.ISMP_PROD_URL;
    else process.env.ISMP_PROD_URL = previous;
  }
}

async function builtManifest(mode: "production" | "development", prodUrl?: string): Promise<string> {
  const config = await loadConfig(mode, prodUrl);
  const copy = config.plugins.find((plugin) => plugin.constructor.name === "CopyPlugin");
  const pattern = copy?.patterns?.find((candidate) => candidate.from === "manifest*.xml");
  if (!pattern?.transform) throw new Error("no manifest copy pattern with a transform");
  return pattern.transform(Buffer.from(manifest)).toString();
}

describe("the manifest webpack emits", () => {
  it("points every URL and app domain at the production host in production", async () => {
    const production = await builtManifest("production");
    expect(production).not.toContain("localhost");
    expect(production).toContain('<SourceLocation DefaultValue="https://ismp-addin.example.com/taskpane.html"/>');
    expect(production).toContain("<AppDomain>https://ismp-addin.example.com</AppDomain>");
    expect(checkManifest(production, { assetDir: join(repoRoot, "assets") })).toEqual([]);
  });

  it("takes the production URL from ISMP_PROD_URL, with or without a trailing slash", async () => {
    const production = await builtManifest("production", "https://grc.contoso.com/ismp");
    expect(production).toContain('<bt:Url id="Functions.Script.Url" DefaultValue="https://grc.contoso.com/ismp/functions.js"/>');
    expect(production).toContain("<AppDomain>https://grc.contoso.com</AppDomain>");
    expect(production).not.toContain("localhost");
  });

  it("keeps the localhost URLs in development", async () => {
    expect(await builtManifest("development")).toBe(manifest);
  });

  it("builds the three bundles of the shared-runtime page", async () => {
    const config = await loadConfig("production");
    expect(config.entry).toEqual({
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    });
  });

  it("produces every page the manifest links to on its own host: SupportUrl and the Get Started link open support.html", async () => {
    const config = await loadConfig("production");
    const copies = config.plugins.flatMap((plugin) => plugin.patterns ?? []);
    const pages = config.plugins.flatMap((plugin) => (plugin.userOptions?.filename ? [plugin.userOptions.filename] : []));
    const built = new Set([...pages, "functions.js", "functions.json", ...copies.flatMap((c) => (c.to && !c.to.includes("[") ? [c.to] : []))]);
    const linked = [...manifest.matchAll(/DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]).filter((path) => !path.startsWith("assets/"));
    expect(linked).toEqual(expect.arrayContaining(["support.html"]));
    for (const path of linked) expect(built).toContain(path);
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support.html"\/>/);
    expect(manifest).toMatch(/<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https:\/\/localhost:3000\/support.html"\/>/);

    const support = copies.find((c) => c.to === "support.html")!;
    const page = readFileSync(join(repoRoot, support.from), "utf8");
    expect(page).toMatch(/version 2002 \(build 12527\.20092\)/i);
    expect(page).toMatch(/Excel 2019 and Excel 2016 cannot run it/);
    expect(page).toMatch(/LibreOffice Calc 7\.4/);
  });
});
