/**
 * Conditional formats as Excel keeps them in a worksheet's x14 extension ([MS-XLSX] 2.6.2 CT_CfRule,
 * 2.6.13 id), for the file-layer tests to plant in a package: the x14 rules, and the main-part
 * <cfRule> halves (ECMA-376 Part 1 §18.3.1.10) that point at them.
 */
import { WorksheetParts } from "../../src/headless/xlsx/patch/worksheetXml";

export const X14_NS = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
export const XM_NS = "http://schemas.microsoft.com/office/excel/2006/main";
/** The worksheet extension holding <x14:conditionalFormattings>. */
export const X14_FORMATS_URI = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";
/** The extension of a main-part <cfRule> that names its x14 half. */
const CF_RULE_POINTER_URI = "{B025F937-C7B1-47D3-B67F-A62EFF666E3E}";
const EXPRESSION_ID = "{00000001-0000-0000-0000-00000000000A}";
const BAR_ID = "{00000001-0000-0000-0000-00000000000B}";

const pointer = (id: string) => `<extLst><ext uri="${CF_RULE_POINTER_URI}" xmlns:x14="${X14_NS}"><x14:id>${id}</x14:id></ext></extLst>`;

/** The x14 extension: an expression over B:E of `row` that reads `other` (priority 3), and a data bar's Excel 2010 half over `bars`. */
export const x14Formats = (row: number, bars: string, other = "Sheet2") =>
  `<ext uri="${X14_FORMATS_URI}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>` +
  `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="expression" priority="3" id="${EXPRESSION_ID}"><xm:f>$B${row}&gt;${other}!$B$1</xm:f><x14:dxf><fill><patternFill><bgColor rgb="FFFFC000"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>B${row}:E${row}</xm:sqref></x14:conditionalFormatting>` +
  `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="${BAR_ID}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>${bars}</xm:sqref></x14:conditionalFormatting>` +
  `</x14:conditionalFormattings></ext>`;

/** Excel's own data bar: the main-part half (priority 2), pointing at its x14 half. */
export const dataBarHalf = (sqref: string) => `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>${pointer(BAR_ID)}</cfRule></conditionalFormatting>`;

/** A main-part expression rule over B:E of `row` that holds only the pointer to its x14 rule. */
export const expressionPointer = (row: number) => `<conditionalFormatting sqref="B${row}:E${row}"><cfRule type="expression" priority="3">${pointer(EXPRESSION_ID)}</cfRule></conditionalFormatting>`;

/** The main-part <conditionalFormatting> elements of a worksheet. */
export const mainFormats = (xml: string) => new WorksheetParts(xml).get("conditionalFormatting").map((e) => e.text);

/** The worksheet's <extLst>, as saved. */
export const extLstOf = (xml: string) => new WorksheetParts(xml).first("extLst")?.text;

/**
 * Main-part rules of a type that needs a formula (expression, cellIs: §18.3.1.10) with no formula,
 * or an empty one, that do not point at an x14 rule either: Excel repairs them as corrupt content.
 */
export const halfRules = (xml: string) =>
  mainFormats(xml)
    .flatMap((cf) => [...cf.matchAll(/<cfRule\b[^>]*type="(?:expression|cellIs)"[^>]*(?:\/>|>([\s\S]*?)<\/cfRule>)/g)])
    .filter((m) => !/<formula>[^<]+<\/formula>/.test(m[1] ?? "") && !/<x14:id>/.test(m[1] ?? ""))
    .map((m) => m[0]);
