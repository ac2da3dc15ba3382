import { createWorkbook, HeadlessWorkbook, run } from "../../src/headless";
import { buildWorkbook } from "../../src/excel/build";
import { selectRange } from "../../src/excel/check";
import { openRecordForm, saveRecord, RecordConflictError, OpenedRecordForm } from "../../src/excel/recordForm";
import { createSyncCounter } from "../../src/excel/syncCounter";
import { defaultOptions } from "../../src/core/blueprint/options";
import { RISK, RISKS_TABLE, RISK_REGISTER_SHEET } from "../../src/core/blueprint/riskRegister";
import { INCIDENT, INCIDENTS_TABLE } from "../../src/core/registers/incidents";
import { VENDOR_ANSWER, VENDOR_ANSWERS_TABLE, VENDOR_QUESTIONS_TABLE, VENDOR_QUESTION } from "../../src/core/registers/vendors";
import { changedHeaders, validateRecord } from "../../src/core/recordForm";
import { cellAddress } from "../../src/core/a1";

const TODAY = new Date(2026, 10, 23);

async function workbook(sample = true): Promise<HeadlessWorkbook> {
  const wb = createWorkbook();
  await run(wb, (ctx) => buildWorkbook(ctx, { ...defaultOptions("saas"), sample }, TODAY));
  return wb;
}

/** Every cell of the table's body as stored (formula text or constant). */
function stored(wb: HeadlessWorkbook, table: string): unknown[][] {
  const t = wb.getTable(table)!;
  const rows: unknown[][] = [];
  for (let r = t.bodyRect.r0; r <= t.bodyRect.r1; r++) {
    const row: unknown[] = [];
    for (let c = t.bodyRect.c0; c <= t.bodyRect.c1; c++) {
      const cell = t.sheet.cell(r, c);
      row.push(cell?.formula ?? cell?.value ?? null);
    }
    rows.push(row);
  }
  return rows;
}

async function selectBodyRow(wb: HeadlessWorkbook, table: string, bodyIndex: number, column = 1): Promise<void> {
  const t = wb.getTable(table)!;
  await run(wb, (ctx) => selectRange(ctx, t.sheet.name, cellAddress({ row: t.bodyRect.r0 + bodyIndex, column: t.bodyRect.c0 + column })));
}

async function save(wb: HeadlessWorkbook, opened: OpenedRecordForm, inputs: Record<string, string>) {
  const merged = { ...opened.inputs, ...inputs };
  const checked = validateRecord(opened.form, merged, opened.facts);
  expect(checked.messages.filter((m) => m.severity === "error")).toEqual([]);
  const headers = opened.mode === "edit" ? changedHeaders(opened.form, opened.inputs, merged) : Object.keys(checked.values);
  const values = Object.fromEntries(headers.map((h) => [h, checked.values[h]]));
  const sync = createSyncCounter();
  const before = wb.stats.syncs;
  const saved = await run(wb, (ctx) => saveRecord(ctx, { table: opened.form.table, headers: opened.form.headers, keyColumn: opened.form.keyColumn, keyColumns: opened.form.keyColumns, target: opened.target, values }, sync));
  return { saved, syncs: sync.count, hostSyncs: wb.stats.syncs - before };
}

describe("Record form through Office.js: one row, one sync", () => {
  it("adds a risk at the end of the table in one sync; every other row keeps its bytes, and the calculated columns fill in", async () => {
    const wb = await workbook();
    const before = stored(wb, RISKS_TABLE);
    const opened = await run(wb, (ctx) => openRecordForm(ctx, { mode: "add", table: RISKS_TABLE }));
    expect(opened.syncs).toBeLessThanOrEqual(3);
    expect(opened.target).toEqual({ kind: "append" });
    const id = opened.inputs[RISK.id];
    expect(id).toMatch(/^R-\d{3}$/);
    const { saved, syncs, hostSyncs } = await save(wb, opened, { [RISK.title]: "Backups not tested", [RISK.inherentLikelihood]: "3", [RISK.inherentImpact]: "4", [RISK.status]: "Open" });
    expect(syncs).toBe(1);
    expect(hostSyncs).toBe(1);
    expect(saved).toMatchObject({ id, added: true });
    const after = stored(wb, RISKS_TABLE);
    expect(after.length).toBe(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    const headers = wb.getTable(RISKS_TABLE)!.columnNames();
    const added = after[after.length - 1];
    expect(added[headers.indexOf(RISK.title)]).toBe("Backups not tested");
    expect(added[headers.indexOf(RISK.inherentLikelihood)]).toBe(3);
    // The calculated columns hold the column's formula, as in every other row.
    const scoreAt = headers.indexOf(RISK.inherentScore);
    expect(added[scoreAt]).toBe(before[0][scoreAt]);
  });

  it("edits the selected row in one sync: only the changed cells are written, other rows and calculated cells stay byte-equal", async () => {
    const wb = await workbook();
    await selectBodyRow(wb, RISKS_TABLE, 2);
    const before = stored(wb, RISKS_TABLE);
    const opened = await run(wb, (ctx) => openRecordForm(ctx, { mode: "edit" }));
    expect(opened.form.table).toBe(RISKS_TABLE);
    expect(opened.sheet).toBe(RISK_REGISTER_SHEET);
    expect(opened.target).toMatchObject({ kind: "row", bodyIndex: 2 });
    const headers = opened.form.headers;
    expect(opened.inputs[RISK.id]).toBe(before[2][headers.indexOf(RISK.id)]);
    const { syncs, saved } = await save(wb, opened, { [RISK.owner]: "Dana Whitfield", [RISK.inherentLikelihood]: "1" });
    expect(syncs).toBe(1);
    expect(saved.added).toBe(false);
    const after = stored(wb, RISKS_TABLE);
    expect(after.length).toBe(before.length);
    after.forEach((row, i) => {
      if (i !== 2) expect(row).toEqual(before[i]);
    });
    const changed = headers.filter((_h, c) => after[2][c] !== before[2][c]);
    expect(changed.sort()).toEqual([RISK.inherentLikelihood, RISK.owner].sort());
    expect(after[2][headers.indexOf(RISK.owner)]).toBe("Dana Whitfield");
  });

  it("refuses an edit when the row moved since the form opened, and puts the row back", async () => {
    const wb = await workbook();
    await selectBodyRow(wb, RISKS_TABLE, 1);
    const opened = await run(wb, (ctx) => openRecordForm(ctx, { mode: "edit" }));
    const t = wb.getTable(RISKS_TABLE)!;
    const idAt = t.columnNames().indexOf(RISK.id);
    await run(wb, async (ctx) => {
      ctx.workbook.tables.getItem(RISKS_TABLE).getDataBodyRange().getCell(1, idAt).values = [["R-MOVED"]];
      await ctx.sync();
    });
    const before = stored(wb, RISKS_TABLE);
    await expect(save(wb, opened, { [RISK.owner]: "Somebody" })).rejects.toThrow(RecordConflictError);
    expect(stored(wb, RISKS_TABLE)).toEqual(before);
  });

  it("refuses an add whose ID appeared in the table meanwhile, removing the added row", async () => {
    const wb = await workbook();
    const opened = await run(wb, (ctx) => openRecordForm(ctx, { mode: "add", table: RISKS_TABLE }));
    const before = stored(wb, RISKS_TABLE);
    const headers = opened.form.headers;
    await run(wb, async (ctx) => {
      ctx.workbook.tables.getItem(RISKS_TABLE).getDataBodyRange().getCell(0, headers.indexOf(RISK.id)).values = [[opened.inputs[RISK.id]]];
      await ctx.sync();
    });
    const edited = stored(wb, RISKS_TABLE);
    expect(edited).not.toEqual(before);
    await expect(save(wb, opened, { [RISK.title]: "Late duplicate" })).rejects.toThrow(/already used/);
    expect(stored(wb, RISKS_TABLE)).toEqual(edited);
  });

  it("identifies a vendor answer by vendor and question: a vendor's next answer is added, the same question twice is refused", async () => {
    const wb = await workbook();
    const answers = wb.getTable(VENDOR_ANSWERS_TABLE)!;
    const at = (h: string) => answers.columnNames().indexOf(h);
    const [first] = answers.bodyValues();
    const pair = (r: unknown[]) => `${r[at(VENDOR_ANSWER.vendorId)]}|${r[at(VENDOR_ANSWER.questionId)]}`;
    const answered = new Set(answers.bodyValues().map(pair));
    // A question added after the vendors answered: the first vendor answers it next.
    const questions = wb.getTable(VENDOR_QUESTIONS_TABLE)!;
    const unanswered = "Q-NEW";
    await run(wb, async (ctx) => {
      ctx.workbook.tables.getItem(VENDOR_QUESTIONS_TABLE).rows.add(undefined, [questions.columnNames().map((h) => (h === VENDOR_QUESTION.id ? unanswered : h === VENDOR_QUESTION.weight ? 2 : h === VENDOR_QUESTION.question ? "Do you test restores?" : ""))]);
    });
    const vendor = String(first[at(VENDOR_ANSWER.vendorId)]);
    expect(answered.has(`${vendor}|${unanswered}`)).toBe(false);
    const opened = await run(wb, (ctx) => openRecordForm(ctx, { mode: "add", table: VENDOR_ANSWERS_TABLE }));
    // No made-up vendor ID: the row names an existing vendor and question.
    expect(opened.inputs[VENDOR_ANSWER.vendorId]).toBe("");
    const [firstVendor, firstQuestion] = [String(first[at(VENDOR_ANSWER.vendorId)]), String(first[at(VENDOR_ANSWER.questionId)])];
    const repeat = validateRecord(opened.form, { ...opened.inputs, [VENDOR_ANSWER.vendorId]: firstVendor, [VENDOR_ANSWER.questionId]: firstQuestion, [VENDOR_ANSWER.answer]: "Yes" }, opened.facts);
    expect(repeat.messages.filter((m) => m.severity === "error").map((m) => m.message)).toEqual([
      `Vendor ID ${firstVendor} with Question ID ${firstQuestion} is already used in ${VENDOR_ANSWERS_TABLE} (row 1). Each combination of Vendor ID and Question ID appears once: edit that row instead.`,
    ]);
    const rows = answers.bodyValues().length;
    const { saved } = await save(wb, opened, { [VENDOR_ANSWER.vendorId]: vendor, [VENDOR_ANSWER.questionId]: unanswered, [VENDOR_ANSWER.answer]: "Partial" });
    expect(saved.added).toBe(true);
    expect(wb.getTable(VENDOR_ANSWERS_TABLE)!.bodyValues().length).toBe(rows + 1);
  });

  it("fills a new table's one empty row instead of leaving a blank row above the record", async () => {
    const wb = await workbook(false);
    expect(wb.getTable(INCIDENTS_TABLE)!.bodyRowCount).toBe(1);
    const opened = await run(wb, (ctx) => openRecordForm(ctx, { mode: "add", table: INCIDENTS_TABLE }));
    expect(opened.target).toMatchObject({ kind: "row", bodyIndex: 0 });
    const { syncs, saved } = await save(wb, opened, {
      [INCIDENT.title]: "Phishing mail opened",
      [INCIDENT.severity]: "High",
      [INCIDENT.detected]: "2026-11-20 09:15",
      [INCIDENT.status]: "Open",
    });
    expect(syncs).toBe(1);
    expect(saved.added).toBe(true);
    const t = wb.getTable(INCIDENTS_TABLE)!;
    expect(t.bodyRowCount).toBe(1);
    const headers = t.columnNames();
    const row = stored(wb, INCIDENTS_TABLE)[0];
    expect(row[headers.indexOf(INCIDENT.id)]).toBe(opened.inputs[INCIDENT.id]);
    expect(row[headers.indexOf(INCIDENT.detected)]).toBeCloseTo(46346 + 9.25 / 24, 6);
    expect(String(row[headers.indexOf(INCIDENT.hoursToDetect)])).toMatch(/^=/);
  });

  it("explains what to select when Edit is asked outside a register", async () => {
    const wb = await workbook();
    await run(wb, (ctx) => selectRange(ctx, "Dashboard", "A1"));
    await expect(run(wb, (ctx) => openRecordForm(ctx, { mode: "edit" }))).rejects.toThrow(/Select a cell in a row of a register/);
  });
});
