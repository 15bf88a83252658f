import {
  Field, Input, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from "@fluentui/react-components";
import { OutcomeSchema, type AssignmentLogRow, type DecisionLogRow, type Outcome } from "@paragraf/shared";
import { useEffect, useState } from "react";
import { useSession } from "../../app/session";
import { ErrorState } from "../../components/ErrorState/ErrorState";
import { formatDate } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { useAfterMeetingStyles } from "./AfterMeeting.styles";

/** The body's decision and assignment logs across meetings, filtered by text and outcome. */
export function DecisionLog(props: { bodyId: string }) {
  const styles = useAfterMeetingStyles();
  const { t, locale } = useStrings();
  const { api } = useSession();
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<Outcome | "">("");
  const [data, setData] = useState<{ decisions: DecisionLogRow[]; assignments: AssignmentLogRow[] }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const body = `/api/bodies/${encodeURIComponent(props.bodyId)}`;
    const dq = new URLSearchParams({ ...(text.trim() ? { text: text.trim() } : {}), ...(outcome ? { outcome } : {}) });
    const aq = new URLSearchParams(text.trim() ? { text: text.trim() } : {});
    const timer = setTimeout(() => {
      Promise.all([
        api.get<{ decisions: DecisionLogRow[] }>(`${body}/decisions?${dq}`),
        api.get<{ assignments: AssignmentLogRow[] }>(`${body}/assignments?${aq}`),
      ]).then(([d, a]) => { setData({ decisions: d.decisions, assignments: a.assignments }); setError(undefined); }, setError);
    }, 250);
    return () => clearTimeout(timer);
  }, [api, props.bodyId, text, outcome]);

  return (
    <>
      <section className={styles.section} aria-labelledby="log-h">
        <h2 className={styles.heading} id="log-h">{t.after.decisionLog}</h2>
        <div className={styles.filters}>
          <Field label={t.after.filterText} size="small"><Input value={text} onChange={(_e, d) => setText(d.value)} /></Field>
          <Field label={t.after.filterOutcome} size="small">
            <Select value={outcome} onChange={(_e, d) => setOutcome(d.value as Outcome | "")}>
              <option value="">{t.after.all}</option>
              {OutcomeSchema.options.map((o) => <option key={o} value={o}>{t.outcome[o]}</option>)}
            </Select>
          </Field>
        </div>
        {error ? <ErrorState error={error} /> : !data ? <Spinner size="small" label={t.loading} /> : data.decisions.length === 0 ? <Text italic>{t.after.empty}</Text> : (
          <div className={styles.tableWrap} tabIndex={0} role="region" aria-labelledby="log-h">
            <Table size="small" aria-labelledby="log-h" data-testid="decision-log-table">
              <TableHeader><TableRow>
                <TableHeaderCell className={styles.colDate}>{t.after.date}</TableHeaderCell><TableHeaderCell className={styles.colParagraph}>{t.after.paragraph}</TableHeaderCell>
                <TableHeaderCell>{t.builder.itemTitle}</TableHeaderCell><TableHeaderCell className={styles.colOutcome}>{t.decision.outcome}</TableHeaderCell>
              </TableRow></TableHeader>
              <TableBody>
                {data.decisions.map((d) => (
                  <TableRow key={`${d.meetingId}-${d.itemId}`}>
                    <TableCell>{formatDate(d.meetingDate, locale)}</TableCell><TableCell>§ {d.paragraph}</TableCell>
                    <TableCell>{d.title}{d.clauses.length ? ` — ${t.decision.att} ${d.clauses.join("; ")}` : ""}</TableCell>
                    <TableCell>{t.outcome[d.outcome]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <section className={styles.section} aria-labelledby="alog-h">
        <h2 className={styles.heading} id="alog-h">{t.after.assignmentLog}</h2>
        {data && (data.assignments.length === 0 ? <Text italic>{t.after.empty}</Text> : (
          <div className={styles.tableWrap} tabIndex={0} role="region" aria-labelledby="alog-h">
            <Table size="small" aria-labelledby="alog-h">
              <TableHeader><TableRow>
                <TableHeaderCell className={styles.colDate}>{t.after.date}</TableHeaderCell><TableHeaderCell className={styles.colParagraph}>{t.after.paragraph}</TableHeaderCell>
                <TableHeaderCell>{t.assignments.owner}</TableHeaderCell><TableHeaderCell>{t.assignments.task}</TableHeaderCell><TableHeaderCell>{t.assignments.due}</TableHeaderCell>
              </TableRow></TableHeader>
              <TableBody>
                {data.assignments.map((a) => (
                  <TableRow key={a.assignmentId}>
                    <TableCell>{formatDate(a.meetingDate, locale)}</TableCell><TableCell>§ {a.paragraph}</TableCell><TableCell>{a.owner}</TableCell><TableCell>{a.task}</TableCell><TableCell>{a.due ? formatDate(a.due, locale) : ""}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
      </section>
    </>
  );
}
