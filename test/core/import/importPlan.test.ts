import { CellValue } from "../../../src/core/blueprint/types";
import { SCALE_TABLES } from "../../../src/core/blueprint/scalesSheet";
import { listKeyOf, parseCsvGrid, prepareImport, WorkbookFacts, ImportChoices, matchColumns, targetsOf, parseMappingFile, MappingFileError } from "../../../src/core/import";
import { levelForWord } from "../../../src/core/import/valueVocabulary";
import { registerByTable } from "../../../src/core/registers";
import { defaultScales } from "../../../src/core/scales";
import { ISMP_ELEMENTS } from "../../../src/core/controls/types";

const RISKS = registerByTable("Risks")!;
/** Excel serial of 2026-04-03 (day-first reading of 03/04/2026). */
const APRIL_3_2026 = (Date.UTC(2026, 3, 3) - Date.UTC(1899, 11, 30)) / 86_400_000;
const scales = defaultScales(5);
const FIELDS = RISKS.fields({ scales, frameworks: [] });

function facts(existingIds: string[] = [], assets: string[] = ["A-001", "A-002"]): WorkbookFacts {
  return {
    existingIds,
    knownIds: new Map([["assets", new Set(assets.map((a) => a.toLowerCase()))]]),
    lists: new Map<string, CellValue[]>([
      [listKeyOf(SCALE_TABLES.likelihood, "Level"), [1, 2, 3, 4, 5]],
      [listKeyOf(SCALE_TABLES.impact, "Level"), [1, 2, 3, 4, 5]],
      [listKeyOf(SCALE_TABLES.categories, "Category"), [...ISMP_ELEMENTS]],
    ]),
    labels: new Map([[listKeyOf(SCALE_TABLES.likelihood, "Level"), new Map<string, CellValue>(scales.likelihood.map((l) => [l.label.toLowerCase(), l.level]))]]),
  };
}

const preview = (csv: string, choices: Partial<ImportChoices> = {}, workbook = facts()) =>
  prepareImport(RISKS, FIELDS, "risks.csv", parseCsvGrid(csv), { mode: "add", ...choices }, workbook);

describe("Import preview: columns", () => {
  it("finds the header row under title lines and matches headers, aliases and similar words", () => {
    const { source, matches } = preview("Risk register export\n\nID,Risk Title,Likelihood,Impact,Risk Owner,Notes\nX-1,Fire,2,3,Ana,n\n");
    expect(source.headerRowNumber).toBe(3);
    expect(Object.fromEntries(matches.map((m) => [m.source, m.target]))).toEqual({
      ID: "Risk ID",
      "Risk Title": "Title",
      Likelihood: "Inherent Likelihood",
      Impact: "Inherent Impact",
      "Risk Owner": "Owner",
      Notes: null,
    });
  });

  it("lets the user's choice win and leaves calculated columns out with the reason", () => {
    const { matches, preview: p } = preview("Title,Inherent Score,Comment\nFire,12,c\n", { columns: { Comment: "Description" } });
    expect(matches.find((m) => m.source === "Comment")).toMatchObject({ target: "Description", how: "user" });
    expect(p.ignoredColumns).toContainEqual({ column: "Inherent Score", reason: "Inherent Score is calculated in the workbook" });
    expect(p.writtenColumns).not.toContain("Inherent Score");
  });

  it("fills a column once when the file repeats a header", () => {
    const targets = targetsOf(FIELDS, RISKS.keyColumn);
    const matches = matchColumns(["Summary", "Labels", "Labels"], targets, new Map([["Labels", { target: "Description", how: "profile" as const }]]));
    expect(matches.map((m) => m.target)).toEqual(["Title", "Description", null]);
  });
});

describe("Import preview: values", () => {
  it("reads levels by label, by H/M/L words and by number, and lists every such reading", () => {
    const { preview: p } = preview("Title,Likelihood,Impact\nA,Likely,H\nB,l,Medium\nC,5,1\n");
    expect(p.adds.map((r) => [r.values["Inherent Likelihood"], r.values["Inherent Impact"]])).toEqual([
      [4, 4],
      [2, 3],
      [5, 1],
    ]);
    expect(p.readings.map((r) => r.how)).toEqual(expect.arrayContaining(['the likelihood levels named "Likely"', '"H" read as level 4 of 5']));
  });

  it("spreads Low/Medium/High over scales of every size", () => {
    expect([3, 4, 5, 6].map((n) => ["low", "medium", "high"].map((w) => levelForWord(w, n)))).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [2, 3, 4],
      [2, 4, 5],
    ]);
    expect(levelForWord("very high", 4)).toBe(4);
    expect(levelForWord("very low", 6)).toBe(1);
  });

  it("maps other tools' words to the lists (Reduce → Mitigate, Y → Yes, Done → Closed) and splits several asset IDs", () => {
    const { preview: p } = preview("Title,Treatment,Status,Confidentiality Impact,Assets\nA,Reduce,Done,y,\"A-001, A-002|A-001\"\nB,Treat,Resolved,true,A-002;A-001\n");
    expect(p.adds[0].values).toMatchObject({ Treatment: "Mitigate", Status: "Closed", "Confidentiality Impact": "Yes", "Asset IDs": "A-001; A-002; A-001" });
    expect(p.adds[1].values).toMatchObject({ Treatment: "Mitigate", Status: "Closed", "Confidentiality Impact": "Yes", "Asset IDs": "A-002; A-001" });
    // Each reading is listed for the user, none silent.
    expect(p.readings.map((r) => `${r.field}: ${r.from} → ${r.to}`)).toEqual(
      expect.arrayContaining(["Treatment: Reduce → Mitigate", "Treatment: Treat → Mitigate", "Status: Done → Closed", "Confidentiality Impact: true → Yes"]),
    );
  });

  it("never guesses an unknown value: it is a problem by row and column, grouped for the user to map", () => {
    const { preview: p } = preview("Title,Treatment\nA,Watch\nB,Watch\nC,Accept\n");
    expect(p.adds.map((r) => r.values.Title)).toEqual(["C"]);
    expect(p.rejected.map((r) => r.sourceRow)).toEqual([2, 3]);
    expect(p.problems[0].message).toBe('Row 2, column "Treatment": "Watch" is not one of the allowed values (allowed: Mitigate, Accept, Transfer, Avoid).');
    expect(p.unknownValues).toEqual([{ field: "Treatment", column: "Treatment", allowed: ["Mitigate", "Accept", "Transfer", "Avoid"], values: [{ value: "Watch", count: 2, rows: [2, 3] }] }]);
    const mapped = preview("Title,Treatment\nA,Watch\n", { values: { Treatment: { watch: "Accept" } } }).preview;
    expect(mapped.adds[0].values.Treatment).toBe("Accept");
  });

  it("says so when the list a column reads is empty, rather than offering nothing to map to", () => {
    const { preview: p } = preview("Title,Likelihood\nA,H\n", {}, { ...facts(), lists: new Map() });
    expect(p.problems.map((problem) => problem.message)).toEqual(['Row 2, column "Likelihood": "H" is not one of the likelihood levels on the Scales sheet (the list is empty: fill it in first).']);
    expect(p.unknownValues).toEqual([]);
  });

  it("reads dates day first when the file shows it, and warns when it cannot tell", () => {
    expect(preview("Title,Identified\nA,23/11/2026\nB,01/02/2026\n").dateOrder).toBe("dmy");
    const unsure = preview("Title,Identified\nA,03/04/2026\n");
    expect(unsure.dateOrder).toBe("mdy");
    expect(unsure.preview.problems[0]).toMatchObject({ severity: "warning", row: 1 });
    expect(preview("Title,Identified\nA,03/04/2026\n", { dateOrder: "dmy" }).preview.adds[0].values.Identified).toBe(APRIL_3_2026);
  });
});

describe("Import preview: rows and IDs", () => {
  it("reports every kind of bad row by row and column, and writes none of them", () => {
    const csv = "Risk ID,Title,Inherent Likelihood,Treatment,Identified,Asset IDs\nN-1,Ok,2,Mitigate,2026-01-05,\nN-2,,2,Mitigate,2026-01-05,\nN-3,Level,9,Mitigate,2026-01-05,\nN-4,Date,2,Accept,2026-02-30,\nN-5,Asset,2,Accept,2026-01-05,A-999\nN-1,Again,2,Accept,2026-01-05,\n";
    const { preview: p } = preview(csv);
    expect(p.adds.map((r) => r.id)).toEqual(["N-1", "N-5"]);
    expect(p.rejected.map((r) => r.id)).toEqual(["N-2", "N-3", "N-4", "N-1"]);
    expect(p.problems.map((x) => [x.row, x.column ?? "", x.severity])).toEqual([
      [3, "Title", "error"],
      [4, "Inherent Likelihood", "error"],
      [5, "Identified", "error"],
      [6, "Asset IDs", "warning"],
      [7, "Risk ID", "error"],
    ]);
    expect(p.problems[4].message).toBe('Row 7, column "Risk ID": ID N-1 appears again (first on row 2).');
    expect(p.problems[3].message).toContain("A-999 is not in Assets");
  });

  it("continues the register's numbering for rows without an ID", () => {
    const { preview: p } = preview("Title\nA\nB\n", {}, facts(["R-007", "R-012", "OTHER"]));
    expect(p.adds.map((r) => r.id)).toEqual(["R-013", "R-014"]);
  });

  it("add stops rows whose ID exists, skip leaves them, update writes only their filled mapped columns", () => {
    const csv = "Risk ID,Title,Owner\nR-001,Renamed,\nR-099,New one,Bo\n";
    const existing = facts(["R-001", "R-002"]);
    const add = preview(csv, { mode: "add" }, existing).preview;
    expect(add.rejected.map((r) => r.id)).toEqual(["R-001"]);
    expect(add.problems[0].message).toContain('R-001 is already in Risks; import with mode "update"');
    const skip = preview(csv, { mode: "skip" }, existing).preview;
    expect(skip.skipped.map((r) => r.id)).toEqual(["R-001"]);
    expect(skip.adds.map((r) => r.id)).toEqual(["R-099"]);
    const update = preview(csv, { mode: "update" }, existing).preview;
    expect(update.updates).toEqual([{ sourceRow: 2, id: "R-001", bodyIndex: 0, values: { "Risk ID": "R-001", Title: "Renamed" } }]);
  });

  it("says when a required column is missing from the file", () => {
    const { preview: p } = preview("Owner\nAna\n");
    expect(p.problems[0].message).toBe("Title is required, and no column of risks.csv fills it: new rows cannot be added.");
    expect(p.adds).toHaveLength(0);
  });
});

describe("Mapping files", () => {
  it("round-trip through JSON and name the wrong key", () => {
    expect(parseMappingFile('{"version":1,"register":"Risks","columns":{"Subject":"Title"},"dateOrder":"dmy"}', "m.json").columns).toEqual({ Subject: "Title" });
    expect(() => parseMappingFile('{"version":2}', "m.json")).toThrow('m.json: "version" must be 1.');
    expect(() => parseMappingFile('{"version":1,"register":"Risks","columns":{"A":3}}', "m.json")).toThrow('"columns.A" must be a register column name or null');
    expect(() => parseMappingFile("{oops", "m.json")).toThrow(MappingFileError);
  });
});

describe("Import preview: a register whose rows are found by several columns (Vendor Answers: Vendor ID and Question ID)", () => {
  const ANSWERS = registerByTable("VendorAnswers")!;
  const answerFields = ANSWERS.fields({ scales, frameworks: [] });
  const answers: WorkbookFacts = {
    existingIds: ["V-001", "V-001", "V-002"],
    existingKeys: [
      ["V-001", "Q-01"],
      ["V-001", "Q-02"],
      ["V-002", "Q-01"],
    ],
    knownIds: new Map([
      ["vendors", new Set(["v-001", "v-002"])],
      ["vendorquestions", new Set(["q-01", "q-02", "q-03"])],
    ]),
    lists: new Map(),
    labels: new Map(),
  };
  const plan = (csv: string, mode: ImportChoices["mode"]) => prepareImport(ANSWERS, answerFields, "answers.csv", parseCsvGrid(csv), { mode }, answers).preview;

  it("updates the row with the same vendor and question, not the vendor's first row, and adds a new pair", () => {
    const preview = plan("Vendor ID,Question ID,Answer,Comment\nV-001,Q-02,No,Expired report\nv-002,q-01,Partial,\nV-001,Q-03,Yes,New question\n", "update");
    expect(preview.problems).toEqual([]);
    expect(preview.updates.map((u) => [u.bodyIndex, u.id, u.values.Answer])).toEqual([
      [1, "V-001 / Q-02", "No"],
      [2, "v-002 / q-01", "Partial"],
    ]);
    expect(preview.adds.map((a) => [a.id, a.values.Answer])).toEqual([["V-001 / Q-03", "Yes"]]);
  });

  it("in add mode refuses a pair already there, naming both columns; a pair twice in the file and a blank question are errors", () => {
    const preview = plan("Vendor ID,Question ID,Answer\nV-001,Q-01,Yes\nV-002,Q-02,Yes\nV-002,Q-02,No\nV-002,,Yes\n", "add");
    expect(preview.problems.map((p) => p.message)).toEqual([
      'Row 2, column "Vendor ID": Vendor ID V-001 with Question ID Q-01 is already in VendorAnswers; import with mode "update" to change it, or "skip" to leave it.',
      'Row 4, column "Vendor ID": Vendor ID V-002 with Question ID Q-02 appears again (first on row 3).',
      'Row 5, column "Question ID": Question ID is blank; a row of VendorAnswers is found by Vendor ID and Question ID together.',
    ]);
    expect(preview.adds.map((a) => a.id)).toEqual(["V-002 / Q-02"]);
    expect(preview.rejected.map((r) => r.sourceRow)).toEqual([2, 4, 5]);
  });

  it("skip mode leaves an existing pair alone and still adds the vendor's other answers", () => {
    const preview = plan("Vendor ID,Question ID,Answer\nV-001,Q-02,No\nV-001,Q-03,Yes\n", "skip");
    expect(preview.skipped.map((s) => s.id)).toEqual(["V-001 / Q-02"]);
    expect(preview.adds.map((a) => a.id)).toEqual(["V-001 / Q-03"]);
  });
});
