import type { Requirement } from "./types";

/** A catalog entry written as `[id, short label, children?]`. */
export type TreeNode = readonly [id: string, title: string, children?: readonly TreeNode[]];

/** Flattens a tree of catalog entries into requirements in document order, parents before children. */
export function flattenTree(nodes: readonly TreeNode[], parent: string | null = null): Requirement[] {
  return nodes.flatMap(([id, title, children]) => [{ id, title, parent }, ...flattenTree(children ?? [], id)]);
}

/** Children numbered 1..n under a parent: `numbered("A.5", ".", ["x", "y"])` gives A.5.1 and A.5.2. */
export function numbered(parentId: string, separator: string, titles: readonly string[]): TreeNode[] {
  return titles.map((title, index) => [`${parentId}${separator}${index + 1}`, title] as const);
}
