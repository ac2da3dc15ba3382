/** A request context that keeps formula values current when the workbook calculates automatically. */
import { type Command, HeadlessRequestContext } from "../context";

/**
 * Writes mark the workbook changed; a load after a write, and the end of every sync, recalculate when
 * `calculationMode` is "Automatic" (Excel calculates before the values of a request are read back).
 */
export class CalculatingRequestContext<TWorkbookProxy = unknown> extends HeadlessRequestContext<TWorkbookProxy> {
  override enqueue(command: Command): void {
    const model = this.model;
    if (command.kind === "write") {
      super.enqueue({ ...command, apply: () => {
        try {
          command.apply();
        } finally {
          model.markContentChanged();
        }
      } });
    } else if (command.kind === "load") {
      super.enqueue({ ...command, apply: () => {
        model.calculateIfNeeded();
        command.apply();
      } });
    } else super.enqueue(command);
  }

  override async sync<T>(passThroughValue?: T): Promise<T> {
    try {
      return await super.sync(passThroughValue);
    } finally {
      this.model.calculateIfNeeded();
    }
  }
}
