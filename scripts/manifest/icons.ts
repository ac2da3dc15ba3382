/** Each icon the manifest declares must exist as a PNG of exactly the declared pixel size. */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { childNamed, descendants, type XmlElement } from "./xmlTree";
import { resourceDefinitions } from "./resources";
import { readPngSize } from "./pngSize";
import type { Problem } from "./problem";

interface DeclaredIcon {
  url: string;
  size: number;
  /** Where the size comes from, for messages. */
  declaredBy: string;
  line: number;
}

/**
 * Sizes Office accepts for the top-level icons of a task pane add-in; the wanted one is read from the
 * file name (icon-64.png → 64). HighResolutionIconUrl: "For content and task pane apps, the image
 * resolution must be 64 x 64 pixels" (learn.microsoft.com/javascript/api/manifest/highresolutioniconurl);
 * 128 px is for mail add-ins.
 */
const TOP_LEVEL_ICON_SIZES: Record<string, number[]> = {
  IconUrl: [32, 64],
  HighResolutionIconUrl: [64],
};

function sizeFromFileName(url: string): number | undefined {
  const match = /(\d+)(?:x\d+)?\.png$/i.exec(url);
  return match ? Number(match[1]) : undefined;
}

function topLevelIcons(root: XmlElement, problems: Problem[]): DeclaredIcon[] {
  return Object.entries(TOP_LEVEL_ICON_SIZES).flatMap(([name, allowedSizes]) => {
    const element = childNamed(root, name);
    const url = element?.attributes.DefaultValue;
    if (!element || !url) return [];
    const size = sizeFromFileName(url);
    if (size === undefined || !allowedSizes.includes(size)) {
      problems.push({ rule: "icon", message: `<${name}> "${url}" must name its size (${allowedSizes.join(" or ")} px) in the file name`, line: element.line });
      return [];
    }
    return [{ url, size, declaredBy: `<${name}>`, line: element.line }];
  });
}

/** Ribbon icons: `<bt:Image size="16" resid="..."/>` inside an Icon list, resolved through Resources. */
function ribbonIcons(root: XmlElement, problems: Problem[]): DeclaredIcon[] {
  const imageUrls = new Map(
    resourceDefinitions(root)
      .filter((definition) => definition.kind === "image")
      .map((definition) => [definition.id, definition.value]),
  );
  const icons: DeclaredIcon[] = [];
  for (const element of descendants(root)) {
    if (element.name !== "Image" || element.parent?.name !== "Icon") continue;
    const size = Number(element.attributes.size);
    const url = imageUrls.get(element.attributes.resid ?? "");
    if (!Number.isInteger(size) || size <= 0) {
      problems.push({ rule: "icon", message: `Icon image "${element.attributes.resid}" has no valid size attribute`, line: element.line });
    } else if (url) {
      icons.push({ url, size, declaredBy: `size="${size}" (resid "${element.attributes.resid}")`, line: element.line });
    }
  }
  return icons;
}

function fileNameOf(url: string): string {
  try {
    return basename(new URL(url).pathname);
  } catch {
    return basename(url);
  }
}

function checkIconFile(icon: DeclaredIcon, assetDir: string): Problem | undefined {
  const file = join(assetDir, fileNameOf(icon.url));
  if (!existsSync(file)) {
    return { rule: "icon", message: `${icon.declaredBy}: icon file ${file} does not exist`, line: icon.line };
  }
  const pixels = readPngSize(readFileSync(file));
  if (!pixels) return { rule: "icon", message: `${icon.declaredBy}: ${file} is not a PNG`, line: icon.line };
  if (pixels.width !== icon.size || pixels.height !== icon.size) {
    return {
      rule: "icon",
      message: `${icon.declaredBy}: ${file} is ${pixels.width}x${pixels.height} px, expected ${icon.size}x${icon.size}`,
      line: icon.line,
    };
  }
  return undefined;
}

/** Icon URLs are mapped to files in assetDir by file name (https://host/assets/icon-16.png → assetDir/icon-16.png). */
export function checkIcons(root: XmlElement, assetDir: string): Problem[] {
  const problems: Problem[] = [];
  const icons = [...topLevelIcons(root, problems), ...ribbonIcons(root, problems)];
  for (const icon of icons) {
    const problem = checkIconFile(icon, assetDir);
    if (problem) problems.push(problem);
  }
  return problems;
}
