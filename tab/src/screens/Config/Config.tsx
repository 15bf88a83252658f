import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text, Title2 } from "@fluentui/react-components";
import { Limits, type Body } from "@paragraf/shared";
import { useEffect, useRef, useState } from "react";
import { useSession } from "../../app/session";
import { ErrorState } from "../../components/ErrorState/ErrorState";
import { useStrings } from "../../i18n/i18n";
import { useConfigStyles } from "./Config.styles";

/** The tab's address for a body: the meeting pages, limited to that body's meetings. */
export const contentUrlFor = (bodyId: string) => `${location.origin}/?body=${encodeURIComponent(bodyId)}`;

/**
 * The configurable tab's settings page (`pages.config`): pick the body the tab belongs to or create one.
 * The saved content URL serves the side panel, stage, chat and details tabs alike; the page picks its view
 * from the Teams frame context.
 */
export function Config() {
  const styles = useConfigStyles();
  const { t } = useStrings();
  const { api, teams } = useSession();
  const [bodies, setBodies] = useState<Body[]>();
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState("");
  const [name, setName] = useState("");
  const chosen = useRef("");
  chosen.current = selected;

  useEffect(() => {
    api.get<{ bodies: Body[] }>("/api/bodies").then((r) => {
      setBodies(r.bodies);
      if (r.bodies.length === 1) setSelected(r.bodies[0]!.id);
    }, setError);
  }, [api]);
  useEffect(() => {
    teams?.config?.onSave(async () => ({
      contentUrl: contentUrlFor(chosen.current), websiteUrl: contentUrlFor(chosen.current), entityId: `paragraf-${chosen.current}`, suggestedDisplayName: t.appName,
    }));
  }, [teams, t.appName]);
  useEffect(() => teams?.config?.setValid(selected !== ""), [teams, selected]);

  const create = async () => {
    try {
      const { body } = await api.send<{ body: Body }>("POST", "/api/bodies", { name: name.trim() });
      setBodies((b) => [...(b ?? []), body]);
      setSelected(body.id);
      setName("");
    } catch (err) {
      setError(err);
    }
  };

  return (
    <main className={styles.root} data-testid="config">
      <Title2 as="h1">{t.config.title}</Title2>
      <Text>{t.config.intro}</Text>
      {error !== undefined && <ErrorState error={error} />}
      {!bodies ? <Spinner label={t.loading} /> : (
        <Field label={t.config.body}>
          <RadioGroup value={selected} onChange={(_e, d) => setSelected(d.value)}>
            {bodies.map((b) => <Radio key={b.id} value={b.id} label={b.name} />)}
          </RadioGroup>
        </Field>
      )}
      <div className={styles.row}>
        <Field label={t.config.newName}>
          <Input value={name} maxLength={Limits.maxNameLength} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button disabled={!name.trim()} onClick={() => void create()}>{t.config.create}</Button>
      </div>
      {selected && (
        <MessageBar intent={teams?.config ? "success" : "info"} layout="multiline">
          <MessageBarBody>
            {teams?.config ? t.config.ready : t.config.outsideTeams}
            <div><Text weight="semibold">{t.config.contentUrl}: </Text><Text className={styles.url}>{contentUrlFor(selected)}</Text></div>
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
