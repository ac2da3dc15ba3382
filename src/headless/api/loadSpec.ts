/** Parses load() arguments: "a, b/c", ["a", "b/c"], { select, expand } or { a: true, b: { c: true } }. */
export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  children: Map<string, LoadTree>;
}

const emptyTree = (): LoadTree => ({ all: false, scalars: new Set(), children: new Map() });

export const allProperties = (): LoadTree => ({ ...emptyTree(), all: true });

function addPath(tree: LoadTree, path: string): void {
  const [head, ...rest] = path.split("/").map((part) => part.trim());
  if (!head || head === "*" || head === "$all") {
    tree.all = true;
    return;
  }
  if (rest.length === 0) {
    tree.scalars.add(head);
    return;
  }
  let child = tree.children.get(head);
  if (!child) {
    child = emptyTree();
    tree.children.set(head, child);
  }
  addPath(child, rest.join("/"));
}

const listOf = (value: string | string[]): string[] => (Array.isArray(value) ? value : value.split(","));

function addObject(tree: LoadTree, spec: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(spec)) {
    if (key === "$all" && value) tree.all = true;
    else if (value === true) tree.scalars.add(key);
    else if (value && typeof value === "object") {
      const child = emptyTree();
      addObject(child, value as Record<string, unknown>);
      if (child.scalars.size === 0 && child.children.size === 0) child.all = true;
      tree.children.set(key, child);
    }
  }
}

export function parseLoadSpec(spec: LoadSpec | undefined): LoadTree {
  const tree = emptyTree();
  if (spec === undefined || spec === null) return allProperties();
  if (typeof spec === "string" || Array.isArray(spec)) {
    for (const path of listOf(spec)) if (path.trim()) addPath(tree, path);
  } else if ("select" in spec || "expand" in spec) {
    const { select, expand } = spec as { select?: string | string[]; expand?: string | string[] };
    if (select) for (const path of listOf(select)) addPath(tree, path);
    if (expand) for (const path of listOf(expand)) addPath(tree, `${path.trim()}/*`);
  } else {
    addObject(tree, spec);
  }
  if (tree.scalars.size === 0 && tree.children.size === 0) tree.all = true;
  return tree;
}
