/** One thing wrong with the manifest or what it points at. */
export interface Problem {
  rule: "xml" | "order" | "resource" | "url" | "icon" | "functions";
  message: string;
  /** One-based line in the manifest, when the problem is in the manifest itself. */
  line?: number;
}
