/**
 * The one scan for a structured reference's brackets, shared by the re-run's formula comparison
 * (core/plan/formulaText.ts) and the headless host's tokenizer. Inside brackets an apostrophe escapes
 * the next character (`[Col'[1']]`), as in Excel's structured-reference syntax.
 */

/** Index of the "]" closing the "[" at `open`, or -1 when the brackets never balance. */
export function closingBracketIndex(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    const char = text[at];
    if (char === "'") at++;
    else if (char === "[") depth++;
    else if (char === "]" && --depth === 0) return at;
  }
  return -1;
}
