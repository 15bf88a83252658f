import {
  Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Text,
} from "@fluentui/react-components";
import {
  BodyResponseSchema, findPersonByUser, Limits, PersonSchema, SignatoryRuleSchema, UpdateBodyRequestSchema, type Body, type SignatoryRule,
} from "@paragraf/shared";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../api/api-client";
import { useSession } from "../../app/session";
import { ErrorState } from "../../components/ErrorState/ErrorState";
import { errorText, useStrings } from "../../i18n/i18n";
import { newId } from "../../live/new-id";
import { useBodySettingsStyles } from "./BodySettings.styles";
import { PersonFields, type PersonDraft, type PersonErrors } from "./PersonFields";

interface Draft {
  name: string;
  dnrPrefix: string;
  signatoryRule: SignatoryRule;
  justeringDays: string;
  seriesStarts: { year: string; first: string }[];
  people: PersonDraft[];
}

const adminRoles = new Set(["sekreterare", "ordforande", "viceOrdforande"]);

function draftOf(body: Body): Draft {
  return {
    name: body.name,
    dnrPrefix: body.dnrPrefix,
    signatoryRule: body.settings.signatoryRule,
    justeringDays: String(body.settings.justeringDays),
    seriesStarts: Object.entries(body.settings.seriesStarts).map(([year, first]) => ({ year, first: String(first) })),
    people: body.roster.map(({ id, name, organisation, party, email, roles, ...rest }) => ({
      id, name, organisation, party: party ?? "", email: email ?? "", roles: [...roles], rest,
    })),
  };
}

/** The update request for a draft: the whole body as loaded with the edited fields replaced (nothing else is dropped). */
function requestOf(body: Body, d: Draft) {
  const roster = d.people.map((p) => ({
    ...p.rest, id: p.id, name: p.name.trim(), organisation: p.organisation.trim(), roles: p.roles,
    ...(p.party.trim() ? { party: p.party.trim() } : {}), ...(p.email.trim() ? { email: p.email.trim() } : {}),
  }));
  const seriesStarts = Object.fromEntries(d.seriesStarts.filter((s) => s.year.trim()).map((s) => [s.year.trim(), Number(s.first)]));
  return UpdateBodyRequestSchema.safeParse({
    expectedVersion: body.version, name: d.name.trim(), dnrPrefix: d.dnrPrefix.trim(), roster,
    ...(body.shortName !== undefined ? { shortName: body.shortName } : {}),
    settings: { ...body.settings, signatoryRule: d.signatoryRule, justeringDays: Number(d.justeringDays), seriesStarts },
  });
}

/**
 * A body's roster and settings: members with organisation, party, roles and the email/UPN that matches
 * their Teams account; who signs the protocol, days for justering, the dnr prefix and where the paragraph
 * series starts per year. Saved with the body's version; a concurrent change is shown, never overwritten.
 */
export function BodySettings(props: { bodyId: string }) {
  const styles = useBodySettingsStyles();
  const { t, locale } = useStrings();
  const { api, me } = useSession();
  const [body, setBody] = useState<Body>();
  const [draft, setDraft] = useState<Draft>();
  const [loadError, setLoadError] = useState<unknown>();
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "conflict" | "invalid" } | { kind: "error"; message: string }>({ kind: "idle" });

  const load = useCallback(() => {
    setLoadError(undefined);
    setBody(undefined);
    api.get(`/api/bodies/${encodeURIComponent(props.bodyId)}`).then((r) => {
      const loaded = BodyResponseSchema.parse(r).body;
      setBody(loaded);
      setDraft(draftOf(loaded));
      setStatus({ kind: "idle" });
    }, setLoadError);
  }, [api, props.bodyId]);
  useEffect(load, [load]);

  if (loadError !== undefined) return <ErrorState error={loadError} onRetry={load} />;
  if (!body || !draft) return <Spinner label={t.loading} />;

  const s = t.bodySettings;
  const editable = findPersonByUser(body.roster, me.userId, me.login)?.roles.some((r) => adminRoles.has(r)) ?? false;
  const disabled = !editable || status.kind === "saving";
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    if (status.kind === "saved" || status.kind === "invalid") setStatus({ kind: "idle" });
  };
  const setPerson = (i: number, patch: Partial<PersonDraft>) => set({ people: draft.people.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const showErrors = status.kind === "invalid";
  const personErrors = (p: PersonDraft): PersonErrors => {
    if (!showErrors) return {};
    const e: PersonErrors = {};
    if (!p.name.trim()) e.name = s.needsName;
    if (p.roles.length === 0) e.roles = s.needsRole;
    if (p.email.trim() && !PersonSchema.shape.email.safeParse(p.email.trim()).success) e.email = s.badEmail;
    return e;
  };
  const days = Number(draft.justeringDays);
  const daysInvalid = showErrors && !(Number.isInteger(days) && days >= 1 && days <= 90);

  const save = async () => {
    const request = requestOf(body, draft);
    if (!request.success) {
      setStatus({ kind: "invalid" });
      return;
    }
    setStatus({ kind: "saving" });
    try {
      const saved = BodyResponseSchema.parse(await api.send("PUT", `/api/bodies/${encodeURIComponent(body.id)}`, request.data)).body;
      setBody(saved);
      setDraft(draftOf(saved));
      setStatus({ kind: "saved" });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setStatus({ kind: "conflict" });
      else setStatus({ kind: "error", message: errorText(err instanceof ApiError ? err.body : undefined, locale) });
    }
  };

  return (
    <form className={styles.root} data-testid="body-settings" aria-labelledby="body-settings-h" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 className={styles.heading} id="body-settings-h">{s.title}</h2>
      {!editable && <MessageBar intent="info"><MessageBarBody>{s.readOnly}</MessageBarBody></MessageBar>}
      <Field label={s.name} required validationMessage={showErrors && !draft.name.trim() ? s.needsName : undefined}>
        <Input value={draft.name} disabled={disabled} maxLength={Limits.maxNameLength} onChange={(_e, d) => set({ name: d.value })} />
      </Field>

      <section className={styles.section} aria-labelledby="roster-h">
        <h3 className={styles.heading} id="roster-h">{s.members}</h3>
        <Text className={styles.small}>{s.membersHint}</Text>
        <ul className={styles.people}>
          {draft.people.map((p, i) => (
            <li key={p.id} className={styles.personItem}>
              <PersonFields index={i} person={p} errors={personErrors(p)} disabled={disabled}
                onChange={(patch) => setPerson(i, patch)} onRemove={() => set({ people: draft.people.filter((_x, j) => j !== i) })} />
            </li>
          ))}
        </ul>
        {!disabled && (
          <div>
            <Button onClick={() => set({ people: [...draft.people, { id: newId(), name: "", organisation: "", party: "", email: "", roles: ["ledamot"], rest: {} }] })}>
              {s.addMember}
            </Button>
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="protocol-h">
        <h3 className={styles.heading} id="protocol-h">{s.protocol}</h3>
        <Field label={s.signatoryRule}>
          <RadioGroup value={draft.signatoryRule} disabled={disabled} onChange={(_e, d) => set({ signatoryRule: SignatoryRuleSchema.parse(d.value) })}>
            {SignatoryRuleSchema.options.map((r) => <Radio key={r} value={r} label={s.rules[r]} />)}
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Field label={s.justeringDays} validationMessage={daysInvalid ? s.invalid : undefined}>
            <Input className={styles.number} type="number" min={1} max={90} value={draft.justeringDays} disabled={disabled} onChange={(_e, d) => set({ justeringDays: d.value })} />
          </Field>
          <Field label={s.dnrPrefix}>
            <Input value={draft.dnrPrefix} disabled={disabled} maxLength={40} onChange={(_e, d) => set({ dnrPrefix: d.value })} />
          </Field>
        </div>
        <fieldset className={styles.subsection}>
          <legend className={styles.subheading}>{s.seriesStarts}</legend>
          <Text className={styles.small}>{s.seriesHint}</Text>
          {draft.seriesStarts.map((row, i) => {
            const update = (patch: Partial<Draft["seriesStarts"][number]>) => set({ seriesStarts: draft.seriesStarts.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div key={i} className={styles.row} data-testid="series-start">
                <Field label={s.year} size="small">
                  <Input className={styles.number} inputMode="numeric" maxLength={4} value={row.year} disabled={disabled} onChange={(_e, d) => update({ year: d.value })} />
                </Field>
                <Field label={s.firstParagraph} size="small">
                  <Input className={styles.number} type="number" min={1} value={row.first} disabled={disabled} onChange={(_e, d) => update({ first: d.value })} />
                </Field>
                {!disabled && (
                  <Button size="small" aria-label={s.removeYear(row.year)} onClick={() => set({ seriesStarts: draft.seriesStarts.filter((_x, j) => j !== i) })}>{s.remove}</Button>
                )}
              </div>
            );
          })}
          {!disabled && (
            <div><Button size="small" onClick={() => set({ seriesStarts: [...draft.seriesStarts, { year: String(new Date().getFullYear() + 1), first: "1" }] })}>{s.addYear}</Button></div>
          )}
        </fieldset>
      </section>

      {status.kind === "conflict" && (
        <MessageBar intent="warning" layout="multiline" data-testid="body-conflict">
          <MessageBarBody><MessageBarTitle>{s.conflictTitle}</MessageBarTitle>{s.conflict}</MessageBarBody>
          <MessageBarActions><Button onClick={load}>{s.reload}</Button></MessageBarActions>
        </MessageBar>
      )}
      {status.kind === "invalid" && <MessageBar intent="error"><MessageBarBody>{s.invalid}</MessageBarBody></MessageBar>}
      {status.kind === "error" && <MessageBar intent="error"><MessageBarBody>{status.message}</MessageBarBody></MessageBar>}
      {status.kind === "saved" && <MessageBar intent="success" data-testid="body-saved"><MessageBarBody>{s.saved}</MessageBarBody></MessageBar>}
      {editable && (
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={status.kind === "saving" || status.kind === "conflict"}>{s.save}</Button>
          {status.kind === "saving" && <Spinner size="tiny" label={t.live.saving} />}
        </div>
      )}
    </form>
  );
}
