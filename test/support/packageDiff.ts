/**
 * What a save lost or changed of the original package. Parts must keep their bytes, except the few
 * a save may extend, and those must still hold every original entry: workbook.xml (every <sheet>,
 * <definedName> and other element as written), relationship parts and [Content_Types].xml (every
 * entry), styles.xml (every original entry, in place; new ones only appended).
 */
import JSZip from "jszip";
import { childSpans, rootSpan, textOf } from "../../src/headless/xlsx/patch/xmlSpans";

export interface PackageDiff {
  lostParts: string[];
  changedParts: string[];
  /** Entries of the extendable parts that are gone ("xl/workbook.xml: <definedName ...>"). */
  lostEntries: string[];
}

async function parts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("uint8array"));
  return out;
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Top-level children of the root, and for container children (sheets, definedNames, fonts...) their children too. */
function entries(xml: string, containers: Set<string>): string[] {
  const root = rootSpan(xml);
  const out: string[] = [];
  for (const child of childSpans(xml, root)) {
    if (containers.has(child.local)) for (const inner of childSpans(xml, child)) out.push(textOf(xml, inner));
    else out.push(textOf(xml, child));
  }
  return out;
}

const WORKBOOK_CONTAINERS = new Set(["sheets", "definedNames"]);
const STYLE_CONTAINERS = new Set(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]);

export async function diffPackages(originalBytes: Uint8Array, savedBytes: Uint8Array, extendable: { workbook: string; styles?: string }): Promise<PackageDiff> {
  const before = await parts(originalBytes);
  const after = await parts(savedBytes);
  const diff: PackageDiff = { lostParts: [], changedParts: [], lostEntries: [] };
  for (const [name, bytes] of before) {
    const now = after.get(name);
    if (!now) {
      diff.lostParts.push(name);
      continue;
    }
    if (equal(bytes, now)) continue;
    const extendableEntries =
      name === extendable.workbook ? (xml: string) => entries(xml, WORKBOOK_CONTAINERS).filter((e) => !/^<(\w+:)?calcPr\b/.test(e))
      : name === extendable.styles ? (xml: string) => entries(xml, STYLE_CONTAINERS)
      : name.endsWith(".rels") || name === "[Content_Types].xml" ? (xml: string) => entries(xml, new Set())
      : undefined;
    if (!extendableEntries) {
      diff.changedParts.push(name);
      continue;
    }
    // New sheets may come before the user's: sheet positions (active tab, a name's sheet scope) move with them.
    const normalise = (entry: string) => entry.replace(/\s(activeTab|firstSheet|localSheetId)="\d+"/g, "");
    const kept = new Set(extendableEntries(decode(now)).map(normalise));
    for (const entry of extendableEntries(decode(bytes))) if (!kept.has(normalise(entry))) diff.lostEntries.push(`${name}: ${entry.slice(0, 160)}`);
  }
  return diff;
}
