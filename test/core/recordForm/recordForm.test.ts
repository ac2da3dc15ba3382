import { RISK_REGISTER, RISK } from "../../../src/core/blueprint/riskRegister";
import { SCALE_TABLES } from "../../../src/core/blueprint/scalesSheet";
import { INCIDENT, INCIDENTS } from "../../../src/core/registers/incidents";
import { OPERATIONS_SCALE_TABLES, OPS_SCALE } from "../../../src/core/blueprint/operationsScales";
import { listKeyOf } from "../../../src/core/import";
import { changedHeaders, inputsForNew, inputsOfRow, recordForm, RecordFacts, validateRecord } from "../../../src/core/recordForm";
import { REGISTERS } from "../../../src/core/registers";
import { defaultScales } from "../../../src/core/scales";

const context = { scales: defaultScales(), frameworks: ["ISO27001" as const] };
const lists = new Map<string, readonly (string | number)[]>([
  [listKeyOf(SCALE_TABLES.likelihood, "Level"), [1, 2, 3, 4, 5]],
  [listKeyOf(SCALE_TABLES.impact, "Level"), [1, 2, 3, 4, 5]],
  [listKeyOf(SCALE_TABLES.categories, "Category"), ["Operational", "Technical"]],
  [listKeyOf(OPERATIONS_SCALE_TABLES.incidentSeverity, OPS_SCALE.severity), ["Critical", "High", "Medium", "Low"]],
  [listKeyOf(OPERATIONS_SCALE_TABLES.notificationRules, OPS_SCALE.regime), ["GDPR", "HIPAA"]],
]);
const labels = new Map([[listKeyOf(SCALE_TABLES.likelihood, "Level"), new Map([["3", "Possible"]])]]);

function incidentForm(extraHeaders: string[] = []) {
  const fields = INCIDENTS.fields(context);
  return recordForm(INCIDENTS, fields, [...fields.map((f) => f.header), ...extraHeaders], { lists });
}

const facts = (over: Partial<RecordFacts> = {}): RecordFacts => ({
  values: { lists, labels: new Map() },
  existingIds: ["INC-001", "INC-002"],
  knownIds: new Map([["assets", new Set(["a-001"])], ["risks", new Set(["r-001"])]]),
  ...over,
});

describe("Record form model from a register's declaration", () => {
  it("has one field per table column in the table's order, calculated columns read-only, the key and declared fields required", () => {
    const form = incidentForm(["Reviewer Notes"]);
    expect(form.fields.map((f) => f.header)).toEqual(form.headers);
    const byHeader = new Map(form.fields.map((f) => [f.header, f]));
    expect(byHeader.get(INCIDENT.id)).toMatchObject({ required: true, readOnly: false, control: "text" });
    expect(byHeader.get(INCIDENT.title)).toMatchObject({ required: true });
    expect(byHeader.get(INCIDENT.hoursToDetect)).toMatchObject({ readOnly: true, required: false });
    expect(byHeader.get(INCIDENT.notificationDue)).toMatchObject({ readOnly: true });
    expect(byHeader.get(INCIDENT.detected)).toMatchObject({ control: "dateTime", required: true });
    expect(byHeader.get(INCIDENT.reviewDate)).toMatchObject({ control: "date" });
    expect(byHeader.get("Reviewer Notes")).toMatchObject({ control: "text", readOnly: false, required: false });
  });

  it("offers drop-downs from the fixed lists, Yes/No and the workbook's Scales tables, with level labels", () => {
    const form = incidentForm();
    const byHeader = new Map(form.fields.map((f) => [f.header, f]));
    expect(byHeader.get(INCIDENT.status)!.options!.map((o) => o.key)).toEqual(["Open", "Investigating", "Contained", "Resolved", "Closed"]);
    expect(byHeader.get(INCIDENT.notifiable)!.options!.map((o) => o.key)).toEqual(["Yes", "No"]);
    expect(byHeader.get(INCIDENT.severity)!.options!.map((o) => o.key)).toEqual(["Critical", "High", "Medium", "Low"]);
    expect(byHeader.get(INCIDENT.severity)!.help).toMatch(/IncidentSeverity/);
    const risks = recordForm(RISK_REGISTER, RISK_REGISTER.fields(context), RISK_REGISTER.fields(context).map((f) => f.header), { lists, labels });
    expect(risks.fields.find((f) => f.header === RISK.inherentLikelihood)!.options!.map((o) => o.text)).toEqual(["1", "2", "3 Possible", "4", "5"]);
  });

  it("builds a form for every declared register, each field with a message saying what is allowed", () => {
    for (const register of REGISTERS) {
      const fields = register.fields(context);
      const form = recordForm(register, fields, fields.map((f) => f.header), { lists });
      expect(form.fields.length).toBe(fields.length);
      for (const field of form.fields) expect(field.allowed).toContain(field.label);
    }
  });

  it("starts a new record with the next ID in the register's numbering", () => {
    expect(inputsForNew(incidentForm(), ["INC-001", "INC-007", ""])[INCIDENT.id]).toBe("INC-008");
  });

  it("shows a row's dates, date-times and percentages the way they were typed, and reads them back to the same values", () => {
    const form = incidentForm();
    const row = form.headers.map((h) => (h === INCIDENT.detected ? 46346.385416666664 : h === INCIDENT.reviewDate ? 46350 : h === INCIDENT.id ? "INC-002" : h === INCIDENT.title ? "Lost laptop" : h === INCIDENT.severity ? "High" : h === INCIDENT.status ? "Open" : ""));
    const inputs = inputsOfRow(form, row);
    expect(inputs[INCIDENT.detected]).toBe("2026-11-20 09:15");
    expect(inputs[INCIDENT.reviewDate]).toBe("2026-11-24");
    const checked = validateRecord(form, inputs, facts({ editing: 1 }));
    expect(checked.messages).toEqual([]);
    expect(checked.values[INCIDENT.reviewDate]).toBe(46350);
    expect(checked.values[INCIDENT.detected]).toBeCloseTo(46346.385416666664, 6);
    expect(changedHeaders(form, inputs, { ...inputs, [INCIDENT.owner]: "Sam" })).toEqual([INCIDENT.owner]);
  });

  it("names the field and says what is allowed for each bad value; blocks a repeated ID; only warns about unknown IDs of other registers", () => {
    const form = incidentForm();
    const inputs = {
      ...inputsForNew(form, ["INC-001"]),
      [INCIDENT.id]: "inc-002",
      [INCIDENT.title]: "",
      [INCIDENT.severity]: "Catastrophic",
      [INCIDENT.detected]: "03/04/2026",
      [INCIDENT.status]: "Open",
      [INCIDENT.notifiable]: "Perhaps",
      [INCIDENT.assetIds]: "A-001; A-999",
      [INCIDENT.reviewDate]: "next week",
    };
    const { ok, messages } = validateRecord(form, inputs, facts());
    expect(ok).toBe(false);
    const message = (header: string) => messages.find((m) => m.header === header);
    expect(message(INCIDENT.id)).toMatchObject({ severity: "error", message: expect.stringMatching(/Incident ID inc-002 is already used in Incidents \(row 2\)/) });
    expect(message(INCIDENT.title)!.message).toMatch(/^Title is required\./);
    expect(message(INCIDENT.severity)!.message).toMatch(/^Severity "Catastrophic" .*incident severities.*Critical, High, Medium, Low/);
    expect(message(INCIDENT.detected)!.message).toMatch(/^Detected "03\/04\/2026" could be 2026-03-04 00:00 or 2026-04-03 00:00\. .*2026-11-23 14:30/);
    expect(message(INCIDENT.notifiable)!.message).toMatch(/^Notifiable "Perhaps" .*Yes, No/);
    expect(message(INCIDENT.reviewDate)!.message).toMatch(/^Review Date "next week" is not a date\. .*2026-11-23/);
    expect(message(INCIDENT.assetIds)).toEqual({ header: INCIDENT.assetIds, severity: "warning", message: "Asset IDs: A-999 is not in Assets; the row is saved and Check will list it." });
  });

  it("reads numbers, levels by label, Yes/No words and formula-like text the way import does", () => {
    const risks = recordForm(RISK_REGISTER, RISK_REGISTER.fields(context), RISK_REGISTER.fields(context).map((f) => f.header), { lists, labels });
    const inputs = { ...inputsForNew(risks, ["R-001"]), [RISK.title]: "=HYPERLINK(\"x\")", [RISK.inherentLikelihood]: "Possible", [RISK.inherentImpact]: "9" };
    const checked = validateRecord(risks, inputs, { ...facts(), values: { lists, labels: new Map([[listKeyOf(SCALE_TABLES.likelihood, "Level"), new Map([["possible", 3]])]]) } });
    expect(checked.values[RISK.inherentLikelihood]).toBe(3);
    expect(checked.values[RISK.title]).toBe("=HYPERLINK(\"x\")");
    expect(checked.messages.map((m) => m.header)).toEqual([RISK.inherentImpact]);
    expect(checked.messages[0].message).toMatch(/^Inherent Impact "9" .*impact levels/);
  });
});
