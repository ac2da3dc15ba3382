import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { checkManifest, type Problem } from "../../scripts/manifest-check";

const repoRoot = join(__dirname, "..", "..");
const assetDir = join(repoRoot, "assets");
const manifest = readFileSync(join(repoRoot, "manifest.xml"), "utf8");

/** Replaces text that must be in the manifest, so a test can never pass on a mutation that did not happen. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return changed;
}

function check(xml: string, options: { assetDir?: string; functionsJson?: string } = {}): Problem[] {
  return checkManifest(xml, { assetDir: options.assetDir ?? assetDir, functionsJson: options.functionsJson });
}

function messages(problems: Problem[]): string[] {
  return problems.map((problem) => `[${problem.rule}] ${problem.message}`);
}

describe("the committed manifest", () => {
  it("has no problems against the committed icons", () => {
    expect(messages(check(manifest))).toEqual([]);
  });

  it("declares the shared runtime, the ISMP namespace and the Home tab button", () => {
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="ISMP"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">\s*<Group id="ISMP">/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });
});

describe("element order and required children", () => {
  it("reports a top-level element out of schema order", () => {
    const swapped = mutate(manifest, /(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1");
    expect(messages(check(swapped))).toEqual([
      expect.stringMatching(/\[order\] <Version> is out of order in OfficeApp\[TaskPaneApp\]: it must come before <ProviderName>/),
    ]);
  });

  it("reports Resources placed before Hosts in VersionOverrides", () => {
    const resources = /\s*<Resources>[\s\S]*<\/Resources>/.exec(manifest)?.[0] ?? "";
    const moved = mutate(mutate(manifest, resources, ""), "<Hosts>\n      <Host xsi:type", `${resources}<Hosts>\n      <Host xsi:type`);
    expect(messages(check(moved))).toContainEqual(expect.stringMatching(/<Hosts> is out of order in OfficeApp\[TaskPaneApp\] > VersionOverrides/));
  });

  it("reports a missing required child", () => {
    const noTooltip = mutate(manifest, '<Description resid="ShowTaskpane.Tooltip"/>', "");
    expect(messages(check(noTooltip))).toContainEqual(expect.stringMatching(/Supertip is missing required <Description>/));
  });

  it("reports an element under the wrong parent", () => {
    const misplaced = mutate(manifest, "<TaskpaneId>ButtonId1</TaskpaneId>", "<FunctionName>showPane</FunctionName>");
    expect(messages(check(misplaced))).toContainEqual(expect.stringMatching(/<FunctionName> is not a valid child of .*Action\[ShowTaskpane\]/));
  });

  it("reports a control with an unknown xsi:type", () => {
    const unknown = mutate(manifest, 'xsi:type="Button" id="CheckWorkbookButton"', 'xsi:type="Buton" id="CheckWorkbookButton"');
    expect(messages(check(unknown))).toContainEqual(expect.stringMatching(/Control\[Buton\] has an unknown or missing xsi:type/));
  });

  it("reports XML that is not well formed instead of throwing", () => {
    expect(messages(check(manifest.replace("</OfficeApp>", "")))).toEqual([expect.stringMatching(/^\[xml\] The manifest is not well-formed XML/)]);
  });
});

describe("resource ids", () => {
  it("reports a resid that names no resource", () => {
    const dangling = mutate(manifest, '<Label resid="Group.Label"/>', '<Label resid="Group.Caption"/>');
    expect(messages(check(dangling))).toEqual(['[resource] resid "Group.Caption" on <Label> is not defined in Resources']);
  });

  it("reports a resid that names a resource of the wrong kind", () => {
    const wrongKind = mutate(manifest, '<Description resid="ShowTaskpane.Tooltip"/>', '<Description resid="ShowTaskpane.Label"/>');
    expect(messages(check(wrongKind))).toEqual([expect.stringMatching(/resid "ShowTaskpane.Label" on <Description> names a shortString resource; it needs a longString/)]);
  });

  it("reports a resource id defined twice", () => {
    const duplicate = mutate(manifest, '<bt:String id="CheckWorkbook.Label"', '<bt:String id="ShowTaskpane.Label"');
    expect(messages(check(duplicate))).toContainEqual('[resource] Resource id "ShowTaskpane.Label" is defined more than once');
  });
});

describe("URLs", () => {
  it("reports an http URL", () => {
    const insecure = mutate(manifest, '"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"');
    expect(messages(check(insecure))).toEqual(['[url] <Url> URL "http://localhost:3000/functions.js" is not an absolute https URL']);
  });

  it("reports an http app domain and a relative source location", () => {
    const bad = mutate(
      mutate(manifest, "<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>http://localhost:3000</AppDomain>"),
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SourceLocation DefaultValue="taskpane.html"/>',
    );
    expect(messages(check(bad))).toEqual([
      '[url] <AppDomain> URL "http://localhost:3000" is not an absolute https URL',
      '[url] <SourceLocation> URL "taskpane.html" is not an absolute https URL',
    ]);
  });
});

describe("icons", () => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), "ismp-icons-"));
    for (const file of readdirSync(assetDir)) copyFileSync(join(assetDir, file), join(workDir, file));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  it("reports a ribbon icon whose file is not the declared size", () => {
    writeFileSync(join(workDir, "icon-80.png"), PNG.sync.write(new PNG({ width: 64, height: 64 })));
    expect(messages(check(manifest, { assetDir: workDir }))).toEqual([
      expect.stringMatching(/\[icon\] size="80" \(resid "Icon.80x80"\): .*icon-80.png is 64x64 px, expected 80x80/),
      expect.stringMatching(/icon-80.png is 64x64 px/),
      expect.stringMatching(/icon-80.png is 64x64 px/),
    ]);
  });

  it("reports a top-level icon of the wrong size and a missing file", () => {
    writeFileSync(join(workDir, "icon-64.png"), PNG.sync.write(new PNG({ width: 128, height: 128 })));
    rmSync(join(workDir, "icon-32.png"));
    const problems = messages(check(manifest, { assetDir: workDir }));
    expect(problems).toContainEqual(expect.stringMatching(/<HighResolutionIconUrl>: .*icon-64.png is 128x128 px, expected 64x64/));
    expect(problems).toContainEqual(expect.stringMatching(/<IconUrl>: icon file .*icon-32.png does not exist/));
  });

  it("requires a 64 px high-resolution icon: 128 px is for mail add-ins (learn.microsoft.com manifest/highresolutioniconurl)", () => {
    const problems = messages(check(manifest.replace("assets/icon-64.png", "assets/icon-128.png"), { assetDir: workDir }));
    expect(problems).toContainEqual(expect.stringMatching(/<HighResolutionIconUrl> .*icon-128.png.* must name its size \(64 px\)/));
  });

  it("reports a file that is not a PNG", () => {
    writeFileSync(join(workDir, "icon-16.png"), "<svg/>");
    expect(messages(check(manifest, { assetDir: workDir }))).toContainEqual(expect.stringMatching(/icon-16.png is not a PNG/));
  });

  it("reports a top-level icon URL whose file name gives no allowed size", () => {
    const unnamed = mutate(manifest, '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/logo.png"/>');
    expect(messages(check(unnamed))).toEqual([expect.stringMatching(/\[icon\] <IconUrl> ".*logo.png" must name its size \(32 or 64 px\)/)]);
  });
});

describe("custom functions metadata", () => {
  const functionsSource = join(repoRoot, "src", "functions", "functions.ts");

  async function generatedMetadata(): Promise<string> {
    // Fails (never skips) when the custom functions source is missing.
    const result = await generateCustomFunctionsMetadata(functionsSource);
    expect(result.errors).toEqual([]);
    return result.metadataJson;
  }

  it("accepts the metadata generated from src/functions/functions.ts", async () => {
    const functionsJson = await generatedMetadata();
    expect(JSON.parse(functionsJson).functions.length).toBeGreaterThan(0);
    expect(messages(check(manifest, { functionsJson }))).toEqual([]);
  }, 60000);

  const sample = (functions: object[]) => JSON.stringify({ functions });
  const scoreFunction = {
    id: "RISK.SCORE",
    name: "RISK.SCORE",
    parameters: [{ name: "likelihood", type: "number", dimensionality: "scalar" }],
    result: { type: "number" },
  };

  it("reports duplicate function ids and names, ignoring case", () => {
    const json = sample([scoreFunction, { ...scoreFunction, id: "risk.score", name: "Risk.Score" }]);
    expect(messages(check(manifest, { functionsJson: json }))).toEqual([
      '[functions] Function id "risk.score" is used more than once',
      '[functions] Function name "Risk.Score" is used more than once',
    ]);
  });

  it("reports parameter and result types the schema does not allow", () => {
    const json = sample([
      {
        ...scoreFunction,
        parameters: [{ name: "range", type: "range", dimensionality: "vector" }],
        result: { type: "date", dimensionality: "matrix" },
      },
    ]);
    expect(messages(check(manifest, { functionsJson: json }))).toEqual([
      '[functions] Function RISK.SCORE: parameter "range" has type "range"; allowed: number, string, boolean, any',
      '[functions] Function RISK.SCORE: parameter "range" has dimensionality "vector"; allowed: scalar, matrix',
      '[functions] Function RISK.SCORE: result has type "date"; allowed: number, string, boolean, any',
    ]);
  });

  it("reports metadata that is not JSON or declares nothing", () => {
    expect(messages(check(manifest, { functionsJson: "{" }))).toEqual([expect.stringMatching(/functions.json is not valid JSON/)]);
    expect(messages(check(manifest, { functionsJson: sample([]) }))).toEqual(["[functions] functions.json declares no functions"]);
  });
});
