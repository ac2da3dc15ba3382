import type { Requirement } from "../../src/core/catalogs/types";
import { buildFrameworkView, type FrameworkView } from "../../src/core/coverage/frameworkView";

/** A two-level toy catalog: A (A.1, A.2, A.3) and B (B.1, B.2); the leaves are assessable. */
export function toyFramework(key = "TOY"): FrameworkView {
  const requirements: Requirement[] = [
    { id: "A", title: "Area A", parent: null },
    { id: "A.1", title: "First in A", parent: "A" },
    { id: "A.2", title: "Second in A", parent: "A" },
    { id: "A.3", title: "Third in A", parent: "A" },
    { id: "B", title: "Area B", parent: null },
    { id: "B.1", title: "First in B", parent: "B" },
    { id: "B.2", title: "Second in B", parent: "B" },
  ];
  const byLowerCase = new Map(requirements.map((r) => [r.id.toLowerCase(), r.id]));
  return buildFrameworkView({
    key,
    name: `${key} framework`,
    requirements,
    leaves: requirements.filter((r) => r.id.includes(".")),
    findId: (typed) => byLowerCase.get(typed.trim().toLowerCase()),
  });
}
