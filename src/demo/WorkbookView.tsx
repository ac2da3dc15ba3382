/** The live view of the headless workbook: sheet tabs and the active sheet's grid. */
import * as React from "react";
import { isSelected, readSheetSnapshot, type SheetSnapshot } from "./sheetSnapshot";

export interface WorkbookViewProps {
  excel: Parameters<typeof readSheetSnapshot>[0];
  subscribe(listener: () => void): () => void;
  onDownload(): void;
}

const columnName = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : columnName(Math.floor(index / 26) - 1) + columnName(index % 26);

export function WorkbookView({ excel, subscribe, onDownload }: WorkbookViewProps) {
  const [snapshot, setSnapshot] = React.useState<SheetSnapshot>();
  const [chosen, setChosen] = React.useState<string>();
  const [version, setVersion] = React.useState(0);
  const [readError, setReadError] = React.useState<string>();

  React.useEffect(() => subscribe(() => {
    setChosen(undefined); // follow the sheet the pane activated
    setVersion((v) => v + 1);
  }), [subscribe]);

  React.useEffect(() => {
    let current = true;
    readSheetSnapshot(excel, chosen)
      .then((next) => current && (setSnapshot(next), setReadError(undefined)))
      .catch((error: unknown) => current && setReadError(String(error)));
    return () => {
      current = false;
    };
  }, [excel, chosen, version]);

  const gridRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    gridRef.current?.querySelector("td.selected")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [snapshot]);

  const width = snapshot?.cells[0]?.length ?? 0;
  return (
    <section className="workbook" aria-label="Workbook">
      <div className="workbook-toolbar">
        <strong>Workbook</strong>
        <span className="workbook-hint">{snapshot ? `${snapshot.sheets.length} sheet${snapshot.sheets.length === 1 ? "" : "s"}` : "Loading…"}</span>
        <button type="button" onClick={onDownload}>Download .xlsx</button>
      </div>
      <div className="sheet-tabs" role="tablist" aria-label="Sheets">
        {snapshot?.sheets.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={name === snapshot.active} className={name === snapshot.active ? "sheet-tab active" : "sheet-tab"} onClick={() => setChosen(name)}>
            {name}
          </button>
        ))}
      </div>
      {readError && <p className="workbook-error" role="alert">Could not read the workbook: {readError}</p>}
      <div className="grid-scroll" ref={gridRef} tabIndex={0} aria-label={snapshot?.active ? `Cells of ${snapshot.active}` : "Cells"}>
        {snapshot && snapshot.cells.length === 0 && <p className="workbook-hint">This sheet is empty. Build the workbook from the task pane.</p>}
        {snapshot && snapshot.cells.length > 0 && (
          <table className="grid">
            <thead>
              <tr>
                <th />
                {Array.from({ length: width }, (_, c) => (
                  <th key={c} scope="col">{columnName(c)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {snapshot.cells.map((row, r) => (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {row.map((cell, c) => (
                    <td
                      key={c}
                      className={[cell.numeric ? "number" : "", isSelected(snapshot.selection, r, c) ? "selected" : ""].filter(Boolean).join(" ") || undefined}
                      aria-selected={isSelected(snapshot.selection, r, c) || undefined}
                      title={cell.formula ?? cell.text}
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {snapshot?.truncated && <p className="workbook-hint">Only the top-left part of the sheet is shown.</p>}
      </div>
    </section>
  );
}
