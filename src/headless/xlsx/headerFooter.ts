/**
 * Header/footer sections ↔ the file's one-string form ("&Lleft&Ccenter&Rright" in <oddHeader> and
 * <oddFooter>, ECMA-376 Part 1, 18.3.1.39/18.3.1.40). Section codes inside the text (&P, &N, &D, &A,
 * && for a literal &) pass through unchanged.
 */
import type { HeaderFooterModel } from "../model/types";

type Side = "Header" | "Footer";

export function sectionsToFile(model: HeaderFooterModel, side: Side): string | undefined {
  const parts = [
    ["&L", model[`left${side}`]],
    ["&C", model[`center${side}`]],
    ["&R", model[`right${side}`]],
  ] as const;
  const text = parts.filter(([, value]) => value).map(([code, value]) => `${code}${value}`).join("");
  return text === "" ? undefined : text;
}

/** "&LAcme&C&A&RPage &P" → its three sections; text before any section code is the center (Excel's default). */
export function sectionsFromFile(text: string | undefined, side: Side): HeaderFooterModel {
  if (!text) return {};
  const sections: Record<"L" | "C" | "R", string> = { L: "", C: "", R: "" };
  let current: "L" | "C" | "R" = "C";
  for (let i = 0; i < text.length; i++) {
    const next = text[i + 1];
    if (text[i] === "&" && (next === "L" || next === "C" || next === "R")) {
      current = next;
      i++;
    } else if (text[i] === "&" && next !== undefined) {
      sections[current] += text[i] + next;
      i++;
    } else sections[current] += text[i];
  }
  const model: HeaderFooterModel = {};
  if (sections.L) model[`left${side}`] = sections.L;
  if (sections.C) model[`center${side}`] = sections.C;
  if (sections.R) model[`right${side}`] = sections.R;
  return model;
}
