/** File names for clients: safe on Windows, macOS and Linux, and unique within one batch. */
const MAX_LENGTH = 60;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** "Acme Corp (EU)" → "acme-corp-eu"; accents folded, anything else becomes one hyphen. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_LENGTH)
    .replace(/^-+|-+$/g, "");
  return WINDOWS_RESERVED.test(slug) ? `${slug}-client` : slug;
}

/**
 * One slug per name, in order; repeats get -2, -3. Collisions are resolved within the list only,
 * so re-running the same CSV maps every row to the same file again.
 */
export function uniqueSlugs(names: string[], fallback: (index: number) => string): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    const base = slugify(name) || fallback(index);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}
