import { Button, Checkbox, Field, Input, Text } from "@fluentui/react-components";
import { BodyRoleSchema, Limits, type BodyRole } from "@paragraf/shared";
import { useStrings } from "../../i18n/i18n";
import { useBodySettingsStyles } from "./BodySettings.styles";

/** One roster person as the form edits them (text fields as typed, checked on save). */
export interface PersonDraft {
  id: string;
  name: string;
  organisation: string;
  party: string;
  email: string;
  roles: BodyRole[];
  /** Fields of the stored person the form does not edit (userId, title), sent back unchanged. */
  rest: Record<string, unknown>;
}

/** Which of a person's fields are invalid, worded for the user. */
export interface PersonErrors { name?: string; email?: string; roles?: string }

/** The fields of one roster person: name, organisation, party, email/UPN and roles, each labelled. */
export function PersonFields(props: {
  index: number; person: PersonDraft; errors: PersonErrors; disabled: boolean;
  onChange: (patch: Partial<PersonDraft>) => void; onRemove: () => void;
}) {
  const styles = useBodySettingsStyles();
  const { t } = useStrings();
  const { person: p, errors, disabled, onChange } = props;
  const label = p.name.trim() || t.bodySettings.person(props.index + 1);
  const toggle = (role: BodyRole, on: boolean) =>
    onChange({ roles: on ? BodyRoleSchema.options.filter((r) => r === role || p.roles.includes(r)) : p.roles.filter((r) => r !== role) });
  return (
    <fieldset className={styles.person} data-testid="roster-person">
      <legend className={styles.legend}>{label}</legend>
      <Field label={t.bodySettings.personName} size="small" required validationMessage={errors.name}>
        <Input value={p.name} disabled={disabled} maxLength={Limits.maxNameLength} onChange={(_e, d) => onChange({ name: d.value })} />
      </Field>
      <Field label={t.bodySettings.organisation} size="small">
        <Input value={p.organisation} disabled={disabled} maxLength={Limits.maxNameLength} onChange={(_e, d) => onChange({ organisation: d.value })} />
      </Field>
      <Field label={t.bodySettings.party} size="small">
        <Input value={p.party} disabled={disabled} maxLength={20} onChange={(_e, d) => onChange({ party: d.value })} />
      </Field>
      <Field label={t.bodySettings.email} size="small" validationMessage={errors.email}>
        <Input type="email" value={p.email} disabled={disabled} maxLength={320} onChange={(_e, d) => onChange({ email: d.value })} />
      </Field>
      {/* Not a Field: a Field gives its one control its id, and seven checkboxes must keep their own. */}
      <fieldset className={styles.roles} aria-describedby={errors.roles ? `${p.id}-roles-error` : undefined}>
        <legend className={styles.small}>{t.bodySettings.roles}</legend>
        {BodyRoleSchema.options.map((role) => (
          <Checkbox key={role} disabled={disabled} label={t.bodySettings.roleNames[role]} checked={p.roles.includes(role)}
            onChange={(_e, d) => toggle(role, d.checked === true)} />
        ))}
        {errors.roles && <Text id={`${p.id}-roles-error`} role="alert" className={styles.error}>{errors.roles}</Text>}
      </fieldset>
      {!disabled && (
        <div><Button size="small" onClick={props.onRemove} aria-label={t.bodySettings.removeMember(label)}>{t.bodySettings.remove}</Button></div>
      )}
    </fieldset>
  );
}
