/**
 * Check's print rule: a sheet of the add-in whose page setup shrinks its text below what reads on paper,
 * typically a workbook built by an older version that fitted every sheet to one page wide. Build leaves an
 * existing sheet's page setup alone (it may be the user's), so Check says what prints too small and how to fix it.
 */
import { LEGIBLE_SCALE, MIN_PRINTED_POINTS, type Orientation, printableArea } from "../blueprint/paper";
import { DEFAULT_FONT_POINTS } from "../blueprint/textFit";
import type { CheckProblem } from "./problem";

/** One sheet's page setup and the size of what it prints, as Excel reports them (points at 100%). */
export interface PrintedSheet {
  sheet: string;
  /** The print area, else the used range ("A1:AE40"). */
  address: string;
  orientation: Orientation;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  margins: { left: number; right: number; top: number; bottom: number };
  width: number;
  height: number;
}

/** Excel's fit-to-pages scale: the largest up to 100% at which the content fits the pages asked for, never under 10%. */
export function printScale(sheet: PrintedSheet): number {
  if (typeof sheet.zoom.scale === "number") return sheet.zoom.scale;
  const page = printableArea(sheet.orientation, sheet.margins);
  const fits: number[] = [100];
  const across = sheet.zoom.horizontalFitToPages;
  const down = sheet.zoom.verticalFitToPages;
  if (typeof across === "number" && across > 0 && sheet.width > 0) fits.push((100 * across * page.width) / sheet.width);
  if (typeof down === "number" && down > 0 && sheet.height > 0) fits.push((100 * down * page.height) / sheet.height);
  return Math.max(10, Math.min(...fits));
}

const pagesPhrase = (n: number, noun: string) => `${n} page${n === 1 ? "" : "s"} ${noun}`;

function setupPhrase(sheet: PrintedSheet): string {
  if (typeof sheet.zoom.scale === "number") return `it is set to print at ${sheet.zoom.scale}%`;
  const parts = [sheet.zoom.horizontalFitToPages, sheet.zoom.verticalFitToPages];
  const fitted = [
    typeof parts[0] === "number" && parts[0] > 0 ? pagesPhrase(parts[0], "wide") : "",
    typeof parts[1] === "number" && parts[1] > 0 ? pagesPhrase(parts[1], "tall") : "",
  ].filter(Boolean);
  return `it is fitted to ${fitted.join(" by ")}, which Excel does at about ${Math.floor(printScale(sheet))}%`;
}

export function checkPrint(sheets: readonly PrintedSheet[]): CheckProblem[] {
  return sheets.flatMap((sheet) => {
    const printed = (DEFAULT_FONT_POINTS * printScale(sheet)) / 100;
    if (printed >= MIN_PRINTED_POINTS) return [];
    const size = Math.floor(printed * 10) / 10;
    return [{
      code: "print-too-small",
      severity: "warning" as const,
      sheet: sheet.sheet,
      address: sheet.address,
      message:
        `${sheet.sheet} prints its ${DEFAULT_FONT_POINTS} pt text at about ${size} pt: ${setupPhrase(sheet)}. ${MIN_PRINTED_POINTS} pt is the least that reads on paper. ` +
        `In Page Layout, set Scale to ${LEGIBLE_SCALE}% or more (the sheet then prints on more pages), or set a print area of fewer columns.`,
    }];
  });
}
