/**
 * Formula comparison that ignores how Excel chose to display a formula: Excel returns this-row
 * references as `[@[Column]]` or `[@Column]` and may drop the table name, upper-cases function
 * names and keeps its own spacing. Two formulas with the same canonical text compute the same.
 */
export function canonicalFormula(formula: string): string {
  const parts = formula.trim().split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // string literal: keep as is
      return part
        .replace(/\s+/g, "")
        .replace(/[A-Za-z_][\w.]*\[\[#This Row\],/gi, "[[#This Row],")
        .replace(/[A-Za-z_][\w.]*\[@/g, "[@")
        .replace(/\[\[#This Row\],\[((?:[^\]']|'.)+)\]\]/gi, "[@[$1]]")
        .replace(/\[@([^[\]]+)\]/g, "[@[$1]]")
        .replace(/^=/, "")
        .toUpperCase();
    })
    .join("");
}
