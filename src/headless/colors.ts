/** Office.js accepts "#RRGGBB" or a colour name; the model stores "#RRGGBB" upper case. */
const namedColors: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", gray: "#808080", grey: "#808080", purple: "#800080", lightgray: "#D3D3D3", darkgreen: "#006400",
  lightgreen: "#90EE90", darkred: "#8B0000", navy: "#000080",
};

export function normalizeColor(color: string): string {
  const trimmed = color.trim();
  const named = namedColors[trimmed.toLowerCase()];
  if (named) return named;
  const hex = /^#?([0-9a-f]{6})$/i.exec(trimmed);
  return hex ? `#${hex[1].toUpperCase()}` : trimmed;
}
