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
      // Structured references first: "#This Row" has a space that the whitespace pass would remove.
      return part
        .replace(/[A-Za-z_][\w.]*\[\[\s*#This\s+Row\s*\]\s*,\s*/gi, "[[#This Row],")
        .replace(/[A-Za-z_][\w.]*\[@/g, "[@")
        .replace(/\[\[#This Row\],\[((?:[^\]']|'.)+)\]\]/gi, "[@[$1]]")
        .replace(/\[@([^[\]]+)\]/g, "[@[$1]]")
        .replace(/\s+/g, "")
        .replace(/^=/, "")
        .toUpperCase();
    })
    .join("");
}
