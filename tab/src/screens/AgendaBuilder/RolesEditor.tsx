import { Checkbox, Field, Select } from "@fluentui/react-components";
import { chairOf, secretaryOf, type MeetingState } from "@paragraf/shared";
import { useCommands } from "../../app/notices";
import { useStrings } from "../../i18n/i18n";
import { useAgendaBuilderStyles } from "./AgendaBuilder.styles";

/** Mötesordförande, protokollförare and justerare for this meeting. */
export function RolesEditor(props: { meeting: MeetingState; editable: boolean }) {
  const styles = useAgendaBuilderStyles();
  const { t } = useStrings();
  const { run } = useCommands();
  const { meeting } = props;
  const chair = chairOf(meeting)?.id ?? "";
  const secretary = secretaryOf(meeting)?.id ?? "";
  const adjusters = meeting.roles.adjusterIds;
  const disabled = !props.editable;
  const toggle = (id: string, on: boolean) =>
    void run({ type: "roles.assign", adjusterIds: on ? [...adjusters, id] : adjusters.filter((a) => a !== id) });
  return (
    <section className={styles.section} aria-labelledby="roles-h" data-testid="roles">
      <h2 className={styles.heading} id="roles-h">{t.builder.roles}</h2>
      <Field label={t.builder.chair} size="small">
        <Select disabled={disabled} value={chair} onChange={(_e, d) => void run({ type: "roles.assign", chairPersonId: d.value || null })}>
          <option value="">{t.builder.noneChosen}</option>
          {meeting.members.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </Select>
      </Field>
      <Field label={t.builder.secretary} size="small">
        <Select disabled={disabled} value={secretary} onChange={(_e, d) => void run({ type: "roles.assign", secretaryPersonId: d.value || null })}>
          <option value="">{t.builder.noneChosen}</option>
          {meeting.members.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </Select>
      </Field>
      <fieldset className={styles.list}>
        <legend>{t.builder.adjusters}</legend>
        {meeting.members.filter((p) => p.roles.some((r) => r !== "tjansteperson" && r !== "sekreterare")).map((p) => (
          <Checkbox key={p.id} disabled={disabled} label={p.name} checked={adjusters.includes(p.id)} onChange={(_e, d) => toggle(p.id, d.checked === true)} />
        ))}
      </fieldset>
    </section>
  );
}
