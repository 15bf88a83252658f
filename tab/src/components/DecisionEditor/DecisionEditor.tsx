import {
  Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Text, Textarea,
} from "@fluentui/react-components";
import { OutcomeSchema, type AgendaItem, type Decision, type MeetingState, type Outcome } from "@paragraf/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { useCommands } from "../../app/notices";
import { useStrings } from "../../i18n/i18n";
import { DecisionView } from "../DecisionView/DecisionView";
import { dropDraft, isSavable, keepDraft, loadDraft, sameDecision, toDecision, toDraft, type Draft } from "./decision-draft";
import { useDecisionEditorStyles } from "./DecisionEditor.styles";

type SaveState = "saved" | "unsaved" | "saving" | "invalid";
const saveDelayMs = 700;

/**
 * The secretary's decision editor: att-clauses and outcome, saved as you type (after a short pause and
 * on leaving a field), kept in the browser until the server has it. If someone else changes the same
 * decision meanwhile, both versions are shown and the user chooses; nothing is overwritten silently.
 */
export function DecisionEditor(props: { meeting: MeetingState; item: AgendaItem; online: boolean }) {
  const { meeting, item, online } = props;
  const styles = useDecisionEditorStyles();
  const { t } = useStrings();
  const { run } = useCommands();
  const [stored] = useState(() => loadDraft(meeting.id, item));
  const [draft, setDraft] = useState<Draft>(() => stored?.draft ?? toDraft(item.decision, item.kind));
  const base = useRef<Decision | undefined>(stored ? stored.base ?? undefined : item.decision);
  const [theirs, setTheirs] = useState<Decision | undefined>();
  const [state, setState] = useState<SaveState>(stored ? "unsaved" : "saved");
  const latestState = useRef(state);
  latestState.current = state;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(draft);
  latest.current = draft;
  const sent = useRef<Decision | undefined>(undefined);
  const server = useRef(item.decision);
  server.current = item.decision;

  const dirty = () => !sameDecision(toDecision(latest.current), base.current) && !(base.current === undefined && !isSavable(latest.current));

  // A change from the server: follow it when we have no unsaved edit, else offer the choice.
  useEffect(() => {
    if (sameDecision(item.decision, base.current)) return;
    if (sameDecision(item.decision, toDecision(latest.current))) {
      base.current = item.decision;
      return;
    }
    if (!dirty()) {
      base.current = item.decision;
      setDraft(toDraft(item.decision, item.kind));
      setState("saved");
      return;
    }
    setTheirs(item.decision);
  }, [item.decision]);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const decision = toDecision(latest.current);
    if (theirs) return;
    // Someone else's change arrived since this draft started: offer the choice, never send over it.
    const known = [base.current, decision, sent.current];
    if (!known.some((d) => sameDecision(server.current, d))) {
      setTheirs(server.current);
      return;
    }
    if (sameDecision(decision, base.current)) {
      dropDraft(meeting.id, item.id);
      setState("saved");
      return;
    }
    if (!isSavable(latest.current)) {
      setState("invalid");
      return;
    }
    setState("saving");
    const startedFrom = base.current;
    sent.current = decision;
    const result = await run({ type: "decision.record", itemId: item.id, decision }, (s, original) => {
      const now = s.items.find((i) => i.id === item.id)?.decision;
      return sameDecision(now, startedFrom) || sameDecision(now, decision) ? original : undefined;
    });
    if (result.ok) {
      base.current = decision;
      if (sameDecision(toDecision(latest.current), decision)) {
        dropDraft(meeting.id, item.id);
        setState("saved");
      } else setState("unsaved");
    } else if (result.error.code === "conflict") {
      setState("unsaved");
    } else setState("unsaved");
  }, [item.id, meeting.id, run, theirs]);

  // Flush a pending save when the editor goes away (another item chosen); the kept draft covers a closed panel.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => () => {
    if (timer.current) void saveRef.current();
  }, []);
  // A draft kept from a closed panel or a reload is saved again (after the same conflict check).
  useEffect(() => {
    if (stored) timer.current = setTimeout(() => void saveRef.current(), saveDelayMs);
  }, [stored]);
  // Back online after a drop: save what was typed meanwhile (only on the offline → online change).
  const wasOnline = useRef(online);
  useEffect(() => {
    const cameBack = online && !wasOnline.current;
    wasOnline.current = online;
    if (cameBack && latestState.current === "unsaved") {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveRef.current(), saveDelayMs);
    }
  }, [online]);

  const change = (patch: Partial<Draft>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    keepDraft(meeting.id, item.id, { draft: next, base: base.current ?? null });
    setState("unsaved");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), saveDelayMs);
  };
  const setClause = (i: number, text: string) => change({ clauses: draft.clauses.map((c, j) => (j === i ? text : c)) });

  const keepMine = () => {
    base.current = theirs;
    setTheirs(undefined);
    setTimeout(() => void saveRef.current(), 0);
  };
  const useTheirs = () => {
    base.current = theirs;
    const next = toDraft(theirs, item.kind);
    latest.current = next;
    setDraft(next);
    setTheirs(undefined);
    dropDraft(meeting.id, item.id);
    setState("saved");
  };

  const needsClauses = draft.outcome === "decided" || draft.outcome === "recommendation";
  return (
    <div className={styles.root} data-testid="decision-editor">
      {theirs && (
        <MessageBar intent="warning" layout="multiline" data-testid="decision-conflict">
          <MessageBarBody>
            <MessageBarTitle>{t.conflict.title}</MessageBarTitle>
            {t.conflict.body}
            <div className={styles.versions}>
              <Text weight="semibold">{t.conflict.theirs}</Text>
              <DecisionView bodyName={meeting.bodyName} decision={theirs} />
            </div>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={keepMine}>{t.conflict.keepMine}</Button>
            <Button size="small" onClick={useTheirs}>{t.conflict.useTheirs}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Field label={t.decision.outcome} size="small">
        <Select value={draft.outcome} onChange={(_e, d) => change({ outcome: d.value as Outcome })} onBlur={() => void save()}>
          {OutcomeSchema.options.map((o) => <option key={o} value={o}>{t.outcome[o]}</option>)}
        </Select>
      </Field>
      {needsClauses && <Text className={styles.lead}>{t.decision.bodyDecides(meeting.bodyName)}</Text>}
      {draft.clauses.map((clause, i) => (
        <div key={i} className={styles.clause}>
          <Field label={t.decision.clause(i + 1)} size="small">
            <div className={styles.clauseRow}>
              <Text className={styles.att} aria-hidden>{t.decision.att}</Text>
              <Textarea
                className={styles.grow}
                resize="vertical"
                rows={3}
                value={clause}
                onChange={(_e, d) => setClause(i, d.value)}
                onBlur={() => void save()}
                data-testid={`clause-${i}`}
              />
            </div>
          </Field>
          {draft.clauses.length > 1 && (
            <div><Button size="small" appearance="subtle" aria-label={t.decision.removeClause(i + 1)} onClick={() => change({ clauses: draft.clauses.filter((_c, j) => j !== i) })}>{t.assignments.removeShort}</Button></div>
          )}
        </div>
      ))}
      <div className={styles.row}>
        <Button size="small" onClick={() => change({ clauses: [...draft.clauses, ""] })}>{t.decision.addClause}</Button>
      </div>
      {draft.outcome === "referredBack" && (
        <Field label={t.decision.motivation} size="small" required>
          <Textarea value={draft.motivation} onChange={(_e, d) => change({ motivation: d.value })} onBlur={() => void save()} />
        </Field>
      )}
      {(draft.outcome === "forwarded" || draft.outcome === "recommendation") && (
        <Field label={t.decision.recipient} size="small" required={draft.outcome === "forwarded"}>
          <Input value={draft.recipient} onChange={(_e, d) => change({ recipient: d.value })} onBlur={() => void save()} />
        </Field>
      )}
      <Field label={t.decision.followUp} size="small">
        <Input type="date" value={draft.followUpDate} onChange={(_e, d) => change({ followUpDate: d.value })} onBlur={() => void save()} />
      </Field>
      <Text className={styles.status} role="status" aria-live="polite" data-testid="save-state" data-state={state}>
        {state === "saving" ? t.live.saving : state === "saved" ? t.live.saved : state === "invalid" ? t.decision.invalid : `${t.live.unsaved} — ${t.decision.draftKept}`}
      </Text>
    </div>
  );
}
