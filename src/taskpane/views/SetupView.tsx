/**
 * Set up, the pane's first view: the Build options and Build. It is drawn from native controls
 * (controls/fields.tsx) so the pane's first render runs no Fluent UI (issue #10); the warning and
 * the Build report, which appear only later, use Fluent from its own chunk.
 */
import * as React from "react";
import { defaultOptions, isProfileKey, PROFILE_KEYS, PROFILES, type BuildOptions } from "../../core/blueprint/options";
import { isMatrixSize, MATRIX_SIZES, type ScoringMethod } from "../../core/scales";
import { FRAMEWORK_KEYS, isBuiltInFrameworkKey, type FrameworkKey } from "../../core/frameworkKeys";
// The names, not the catalogs: Set up is the first view and must not wait for the requirement lists.
import { FRAMEWORK_NAMES, SOC2_CATEGORIES, type FrameworkName } from "../../core/catalogs/names";
import type { BuildReport } from "../../excel/operations";
import { CheckboxField, PrimaryAction, RadioGroupField, SelectField, TextInputField, type Choice } from "../controls/fields";
import { lazyNamed } from "../lazyNamed";
import { usePane } from "../paneContext";
import { Fluent } from "../withFluent";

const BuildReportView = lazyNamed(() => import(/* webpackChunkName: "build-report" */ "./BuildReportView").then((m) => m.BuildReportView));
const NoFrameworkNotice = lazyNamed(() => import(/* webpackChunkName: "notices" */ "../notices").then((m) => m.NoFrameworkNotice));

const FRAMEWORK_CHOICES = FRAMEWORK_KEYS.map((key) => ({ key, text: FRAMEWORK_NAMES[key].shortName }));
/** A custom framework (from the user's file) has no scope note. */
const scopeNote = (key: FrameworkKey): string | undefined => (isBuiltInFrameworkKey(key) ? (FRAMEWORK_NAMES[key] as FrameworkName).scopeNote : undefined);
const PROFILE_OPTIONS = PROFILE_KEYS.map((key) => ({ key, text: PROFILES[key].label }));
const SIZE_OPTIONS = MATRIX_SIZES.map((n) => ({ key: n, text: `${n} × ${n}` }));
const METHOD_OPTIONS: Choice<ScoringMethod>[] = [
  { key: "multiply", text: "Likelihood × Impact" },
  { key: "matrix", text: "Lookup matrix on the Scales sheet" },
];

export function SetupView() {
  const { host, runner } = usePane();
  const [options, setOptionsState] = React.useState<BuildOptions>(() => defaultOptions());
  const [report, setReport] = React.useState<BuildReport>();
  const [remembered, setRemembered] = React.useState<string>();
  // The form is usable before Office is ready, so the analyst may choose before the workbook's settings arrive.
  const chosenByAnalyst = React.useRef(false);
  const setOptions: typeof setOptionsState = (next) => {
    chosenByAnalyst.current = true;
    setOptionsState(next);
  };
  const update = (patch: Partial<BuildOptions>) => setOptions((current) => ({ ...current, ...patch }));

  const chooseProfile = (key: unknown) => {
    if (isProfileKey(key)) update({ profile: key, frameworks: [...PROFILES[key].frameworks] });
  };
  const toggleFramework = (key: FrameworkKey, checked: boolean) =>
    setOptions((current) => ({
      ...current,
      frameworks: checked ? [...current.frameworks.filter((k) => k !== key), key] : current.frameworks.filter((k) => k !== key),
    }));

  /** Security (the common criteria) is always in a SOC 2 scope; the others are the analyst's choice. */
  const toggleSoc2Category = (category: string, checked: boolean) =>
    setOptions((current) => {
      const chosen = current.soc2Categories ?? [...SOC2_CATEGORIES];
      const next = checked ? [...chosen.filter((c) => c !== category), category] : chosen.filter((c) => c !== category);
      return { ...current, soc2Categories: SOC2_CATEGORIES.filter((c) => c === "Security" || next.includes(c)) };
    });

  // Start from what the workbook remembers, so Build keeps its scope unless the analyst changes it;
  // a choice made before the settings arrived is kept, and the note says the workbook had others.
  React.useEffect(() => {
    let cancelled = false;
    host
      .readSettings()
      .then((settings) => {
        if (cancelled || !settings) return;
        const builtFor = settings.client ? ` (built for ${settings.client})` : "";
        if (chosenByAnalyst.current) {
          setRemembered(`This workbook keeps its own settings${builtFor}; Build uses the ones shown.`);
          return;
        }
        setOptionsState(settings.options);
        setRemembered(`Settings of this workbook${builtFor}.`);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [host]);

  const build = async () => {
    setReport(undefined);
    const result = await runner.run("Building the workbook", () => host.buildWorkbook(options));
    if (result) setReport(result);
  };

  return (
    <div className="ismp-stack" style={{ gap: 12 }}>
      {remembered && <p className="ismp-small">{remembered}</p>}
      <SelectField label="Profile" options={PROFILE_OPTIONS} selected={options.profile} onChange={chooseProfile} />
      <fieldset className="ismp-fieldset" style={{ gap: 6 }}>
        <legend>Frameworks in scope</legend>
        {FRAMEWORK_CHOICES.map(({ key, text }) => (
          <CheckboxField key={key} label={text} checked={options.frameworks.includes(key)} onChange={(checked) => toggleFramework(key, checked)} />
        ))}
      </fieldset>
      {options.frameworks.filter((key) => scopeNote(key)).map((key) => (
        <p key={key} className="ismp-small" style={{ paddingLeft: 12 }}>
          {scopeNote(key)}
        </p>
      ))}
      {options.frameworks.includes("SOC2") && (
        <fieldset className="ismp-fieldset" style={{ gap: 6, paddingLeft: 12 }}>
          <legend className="ismp-small">SOC 2 categories in scope</legend>
          {SOC2_CATEGORIES.map((category) => (
            <CheckboxField
              key={category}
              label={category}
              disabled={category === "Security"}
              checked={category === "Security" || (options.soc2Categories ?? SOC2_CATEGORIES).includes(category)}
              onChange={(checked) => toggleSoc2Category(category, checked)}
            />
          ))}
        </fieldset>
      )}
      <SelectField label="Matrix size" options={SIZE_OPTIONS} selected={options.matrixSize} onChange={(size) => isMatrixSize(size) && update({ matrixSize: size })} />
      <RadioGroupField label="Scoring method" options={METHOD_OPTIONS} selected={options.method} onChange={(method) => update({ method })} />
      <TextInputField label="Organisation name" value={options.organisation} onChange={(organisation) => update({ organisation })} />
      <CheckboxField label="Add sample data" checked={options.sample} onChange={(sample) => update({ sample })} />
      {options.frameworks.length === 0 && (
        <Fluent fallback={<p role="status">Choose at least one framework.</p>}>
          <NoFrameworkNotice />
        </Fluent>
      )}
      <PrimaryAction
        text="Build"
        onClick={build}
        disabled={runner.busy || options.frameworks.length === 0}
        description="Creates or repairs the ISMP sheets in this workbook"
      />
      {report && (
        <Fluent>
          <BuildReportView report={report} />
        </Fluent>
      )}
    </div>
  );
}
