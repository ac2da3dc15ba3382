/** Suggested framework requirements for the workbook's unmapped controls: each is written only when accepted. */
import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Dropdown } from "@fluentui/react/lib/Dropdown";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Stack } from "@fluentui/react/lib/Stack";
import { Text } from "@fluentui/react/lib/Text";
import { TextField } from "@fluentui/react/lib/TextField";
import { frameworkKeys, FrameworkKey } from "../../core/frameworkKeys";
import { getFramework } from "../../core/catalogs";
import type { ControlSuggestions } from "../../excel/suggestions";
import { usePane } from "../paneContext";

export function SuggestionsPanel() {
  const { host, runner } = usePane();
  // Read at each render: the workbook's own frameworks are known once the pane has read it.
  const frameworkOptions = frameworkKeys().map((key) => ({ key, text: getFramework(key).name }));
  const [framework, setFramework] = React.useState<FrameworkKey>("ISO27001");
  const [reviewer, setReviewer] = React.useState("");
  const [controls, setControls] = React.useState<ControlSuggestions[]>();
  const [dismissed, setDismissed] = React.useState<Set<string>>(new Set());
  const [accepted, setAccepted] = React.useState<string[]>([]);

  const suggest = async () => {
    const found = await runner.run("Finding requirements for your controls", () => host.suggestMappings(framework));
    if (!found) return;
    setControls(found);
    setDismissed(new Set());
    setAccepted([]);
  };

  const accept = async (control: ControlSuggestions, index: number) => {
    const suggestion = control.suggestions[index];
    const written = await runner.run("Writing the mapping", () => host.acceptSuggestion({ controlId: control.controlId, framework, suggestion, acceptedBy: reviewer.trim() }));
    if (written === undefined) return;
    setAccepted((list) => [...list, `${control.controlId} → ${suggestion.requirementId}`]);
    setDismissed((set) => new Set(set).add(`${control.controlId}|${suggestion.requirementId}`));
  };

  const visible = (controls ?? []).map((c) => ({ control: c, items: c.suggestions.map((s, i) => ({ s, i })).filter(({ s }) => !dismissed.has(`${c.controlId}|${s.requirementId}`)) }));

  return (
    <section aria-label="Mapping suggestions">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text as="h3" variant="mediumPlus">
          Suggest mappings
        </Text>
        <Text variant="small">For your controls with no requirement in a framework, suggests requirements by the words they share. Nothing is written until you accept one.</Text>
        <Dropdown label="Framework" options={frameworkOptions} selectedKey={framework} onChange={(_, o) => o && setFramework(o.key as FrameworkKey)} />
        <TextField label="Accepted by" value={reviewer} onChange={(_, v) => setReviewer(v ?? "")} description="Recorded with every mapping you accept." />
        <DefaultButton text="Suggest" onClick={suggest} disabled={runner.busy} />
        {accepted.length > 0 && <MessageBar messageBarType={MessageBarType.success}>{`Accepted: ${accepted.join(", ")}.`}</MessageBar>}
        {controls && controls.length === 0 && <MessageBar>Every control already has a requirement in this framework.</MessageBar>}
        {visible.map(({ control, items }) => (
          <div key={control.controlId} role="group" aria-label={`Suggestions for ${control.controlId} ${control.name}`}>
            <Text block styles={{ root: { fontWeight: 600 } }}>{`${control.controlId} ${control.name}`}</Text>
            <ul style={{ margin: "4px 0", paddingLeft: 16 }}>
              {items.map(({ s, i }) => (
                <li key={s.requirementId} style={{ marginBottom: 6 }}>
                  <Text block variant="small">{`${s.requirementId} ${s.label} — ${Math.round(s.score * 100)}%, matched: ${s.words.join(", ")}`}</Text>
                  <Stack horizontal tokens={{ childrenGap: 6 }}>
                    <PrimaryButton
                      text="Accept"
                      ariaLabel={`Accept ${s.requirementId} for ${control.controlId}`}
                      onClick={() => void accept(control, i)}
                      disabled={runner.busy || reviewer.trim() === ""}
                    />
                    <DefaultButton
                      text="Reject"
                      ariaLabel={`Reject ${s.requirementId} for ${control.controlId}`}
                      onClick={() => setDismissed((set) => new Set(set).add(`${control.controlId}|${s.requirementId}`))}
                    />
                  </Stack>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Stack>
    </section>
  );
}
