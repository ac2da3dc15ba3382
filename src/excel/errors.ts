/** An operation refused before changing anything; `reasons` are shown to the analyst as they are. */
export class OperationBlockedError extends Error {
  readonly code = "OperationBlocked";
  constructor(readonly reasons: string[]) {
    super(reasons.join(" "));
    this.name = "OperationBlockedError";
  }
}
