import { HeadlessOfficeError } from "./errors";
import type { HeadlessWorkbook } from "./model/workbook";

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB" and "a range is
 * limited to 5,000,000 cells for read operations": Resource limits and performance optimization for
 * Office Add-ins, section Excel add-ins (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The host applies the web's limits everywhere, so code that passes here passes on every platform.
 */
export const REQUEST_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const RESPONSE_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;

/**
 * One queued action. "resolve" commands only bind an object path (getItem, getRange, ...): they can fail
 * the sync but do not by themselves make a round trip, as a batch that only navigates sends nothing.
 */
export interface Command {
  kind: "resolve" | "load" | "write";
  location: string;
  payload: unknown;
  apply(): void;
  /** What the command sends back (loads and method results), measured against the response limit. */
  response?(): unknown;
}

/** UTF-8 size of a string without materialising the encoded bytes (payloads can be megabytes). */
function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (const [char] of text.matchAll(/[^\x00-\x7f]/g)) {
    const code = char.charCodeAt(0);
    // 2 bytes below U+0800; 3 for the rest of the BMP; a surrogate pair (2 units) makes 4.
    bytes += code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdfff ? 1 : 2;
  }
  return bytes;
}

/** Behaves like Excel.RequestContext: proxies queue commands here, `sync` applies them in order. */
export class HeadlessRequestContext<TWorkbookProxy = unknown> {
  readonly workbook: TWorkbookProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly debugInfo = {};
  /** Excel.RunOptions.delayForCellEdit: wait for the user to leave cell-edit mode instead of failing. */
  delayForCellEdit = false;
  private queue: Command[] = [];

  constructor(
    readonly model: HeadlessWorkbook,
    createWorkbookProxy: (context: HeadlessRequestContext<TWorkbookProxy>) => TWorkbookProxy,
  ) {
    this.workbook = createWorkbookProxy(this);
  }

  get application(): { calculate(calculationType?: string): void; suspendApiCalculationUntilNextSync(): void } {
    return { calculate: () => undefined, suspendApiCalculationUntilNextSync: () => undefined };
  }

  enqueue(command: Command): void {
    this.queue.push(command);
  }

  /**
   * ResponsePayloadSizeLimitExceeded when what the request loaded is over 5 MB ("This error only
   * occurs in Office on the web": application-specific-api-error-handling). The request has run;
   * the add-in gets the error instead of the data.
   */
  private checkResponse(commands: Command[]): void {
    const responses = commands.filter((c) => c.response).map((c) => c.response!());
    if (responses.length === 0) return;
    const bytes = utf8Bytes(JSON.stringify(responses));
    this.model.stats.recordResponse(bytes);
    if (bytes > RESPONSE_PAYLOAD_LIMIT_BYTES) throw new HeadlessOfficeError("ResponsePayloadSizeLimitExceeded");
  }

  get hasPendingCommands(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Sends the queued commands as one request. Per the error-handling docs, a failing command rejects
   * the sync; commands before it in the batch have been applied, none after it are.
   * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    await Promise.resolve();
    const commands = this.queue;
    this.queue = [];
    if (commands.some((c) => c.kind !== "resolve")) {
      if (this.model.cellEditMode && this.delayForCellEdit) await this.model.whenCellEditEnds();
      if (this.model.cellEditMode) throw new HeadlessOfficeError("InvalidOperationInCellEditMode");
      const bytes = utf8Bytes(JSON.stringify(commands.map((c) => [c.location, c.payload])));
      this.model.stats.record(bytes);
      if (bytes > REQUEST_PAYLOAD_LIMIT_BYTES) throw new HeadlessOfficeError("RequestPayloadSizeLimitExceeded");
    }
    for (const command of commands) {
      try {
        if (command.kind === "write" && this.model.readOnly) throw new HeadlessOfficeError("AccessDenied");
        command.apply();
      } catch (error) {
        throw error instanceof HeadlessOfficeError ? error.at(command.location) : error;
      }
    }
    this.checkResponse(commands);
    return passThroughValue as T;
  }
}
