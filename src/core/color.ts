/** Colour arithmetic (WCAG contrast, mixing) for the task pane and the scaffolded sheets. Pure, no DOM. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses "#RGB" or "#RRGGBB" (the leading # is optional). Throws on anything else. */
export function parseHex(hex: string): Rgb {
  const digits = hex.trim().replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`Not a hex colour: "${hex}"`);
  return {
    r: parseInt(full.slice(0, 2), 16),
    g: parseInt(full.slice(2, 4), 16),
    b: parseInt(full.slice(4, 6), 16),
  };
}

export function toHex({ r, g, b }: Rgb): string {
  const channel = (value: number) => Math.round(Math.min(255, Math.max(0, value))).toString(16).padStart(2, "0");
  return `#${channel(r)}${channel(g)}${channel(b)}`.toUpperCase();
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const { r, g, b } = parseHex(hex);
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export const BLACK = "#000000";
export const WHITE = "#FFFFFF";

/**
 * Black or white, whichever contrasts more with the fill. One of the two always reaches at least
 * 4.58:1, so text drawn on any fill meets WCAG AA (4.5:1).
 */
export function readableTextColor(fill: string): string {
  return contrastRatio(fill, BLACK) >= contrastRatio(fill, WHITE) ? BLACK : WHITE;
}

/** Linear blend: weight 0 gives `from`, 1 gives `to`. */
export function mix(from: string, to: string, weight: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return toHex({
    r: a.r + (b.r - a.r) * weight,
    g: a.g + (b.g - a.g) * weight,
    b: a.b + (b.b - a.b) * weight,
  });
}

export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value.trim());
}

/** Label colour for a fill typed on the Scales sheet; anything that is not a hex colour gets black. */
export function labelColorFor(fill: string): string {
  return isHexColor(fill) ? readableTextColor(fill) : BLACK;
}
