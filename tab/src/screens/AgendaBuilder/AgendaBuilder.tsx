import { Button, MessageBar, MessageBarBody, mergeClasses, Text } from "@fluentui/react-components";
import { paragraphNumbers, type AgendaItem, type ItemContent, type MeetingCommand, type MeetingState } from "@paragraf/shared";
import { useState } from "react";
import { useCommands } from "../../app/notices";
import { ItemForm } from "../../components/ItemForm/ItemForm";
import { NoticeBar } from "../../components/NoticeBar/NoticeBar";
import { ItemStatusChip } from "../../components/StatusChip/StatusChip";
import { formatDateTime } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { newId } from "../../live/new-id";
import type { MeetingViewProps } from "../MeetingShell/MeetingShell";
import { FollowUps } from "./FollowUps";
import { RolesEditor } from "./RolesEditor";
import { useAgendaBuilderStyles } from "./AgendaBuilder.styles";

/** Moves an item one step relative to where it is *now*, so a retry after a conflict keeps the user's intent. */
const moveBy = (itemId: string, step: number) => (s: MeetingState, original: MeetingCommand): MeetingCommand | undefined => {
  const from = s.items.findIndex((i) => i.id === itemId);
  const to = from + step;
  return from < 0 || to < 0 || to >= s.items.length ? undefined : { ...original, type: "agenda.moveItem", itemId, toIndex: to } as MeetingCommand;
};

/** Re-applies an edit only if nobody changed the same fields meanwhile. */
const editIfUnchanged = (item: AgendaItem, content: Partial<ItemContent>) => (s: MeetingState, original: MeetingCommand) => {
  const now = s.items.find((i) => i.id === item.id);
  if (!now) return undefined;
  const changed = (Object.keys(content) as (keyof ItemContent)[]).some((k) => JSON.stringify(now[k]) !== JSON.stringify(item[k]));
  return changed ? undefined : original;
};

/** Before the meeting: build the agenda (add, edit, reorder with buttons, withdraw), roles, follow-ups, publish. */
export function AgendaBuilder({ meeting, snapshot }: MeetingViewProps) {
  const styles = useAgendaBuilderStyles();
  const { t, locale } = useStrings();
  const { run, busy } = useCommands();
  const [editing, setEditing] = useState<string>();
  const numbers = paragraphNumbers(meeting);
  const editable = snapshot.canEdit && (meeting.status === "planned" || meeting.status === "open");
  const otherBusinessIndex = meeting.items.findIndex((i) => i.kind === "otherBusiness");

  const add = async (content: ItemContent, index?: number) =>
    (await run({ type: "agenda.addItem", itemId: newId(), content, ...(index !== undefined ? { index } : {}) })).ok;
  const edit = async (item: AgendaItem, content: ItemContent) => {
    const patch = Object.fromEntries(Object.entries(content).filter(([k, v]) => JSON.stringify(item[k as keyof ItemContent]) !== JSON.stringify(v))) as Partial<ItemContent>;
    const ok = Object.keys(patch).length === 0 || (await run({ type: "agenda.editItem", itemId: item.id, content: patch }, editIfUnchanged(item, patch))).ok;
    if (ok) setEditing(undefined);
    return ok;
  };
  const move = (item: AgendaItem, step: number) => {
    const cmd = moveBy(item.id, step)(meeting, { type: "agenda.moveItem", itemId: item.id, toIndex: 0 });
    if (cmd) void run(cmd, moveBy(item.id, step));
  };

  return (
    <div className={styles.root} data-testid="agenda-builder">
      <NoticeBar />
      <section className={styles.section} aria-labelledby="builder-h">
        <h2 className={styles.heading} id="builder-h">{t.builder.title}</h2>
        <div className={styles.row}>
          <Text>{meeting.agendaPublishedAt ? t.builder.published(formatDateTime(meeting.agendaPublishedAt, locale)) : t.builder.notPublished}</Text>
          {editable && !meeting.agendaPublishedAt && (
            <Button appearance="primary" disabled={busy} onClick={() => void run({ type: "agenda.publish" })}>{t.builder.publish}</Button>
          )}
        </div>
        {meeting.agendaPublishedAt && <MessageBar intent="info"><MessageBarBody>{t.builder.changesRecorded}</MessageBarBody></MessageBar>}
        <ol className={styles.list}>
          {meeting.items.map((item, index) => (
            <li key={item.id} className={styles.item} data-item={item.id}>
              <div className={styles.itemHead}>
                <Text className={styles.small}>{numbers.has(item.id) ? `§ ${numbers.get(item.id)}` : ""}</Text>
                <Text className={mergeClasses(styles.itemTitle, item.status === "withdrawn" && styles.withdrawn)}>{item.title}</Text>
                <span />
                <Text className={styles.small}>
                  {[t.itemKind[item.kind] === item.title ? "" : t.itemKind[item.kind], item.presenters.join(", "), item.attachments.length ? `${t.agenda.attachments}: ${item.attachments.length}` : ""]
                    .filter(Boolean).join(" · ")}
                </Text>
                {item.status !== "pending" && <><span /><span><ItemStatusChip status={item.status} size="small" /></span></>}
              </div>
              {editable && item.status !== "withdrawn" && editing !== item.id && (
                <div className={styles.buttons}>
                  <Button size="small" className={styles.compact} disabled={busy || index === 0} onClick={() => move(item, -1)} aria-label={t.builder.moveUp(item.title)}>{t.builder.up}</Button>
                  <Button size="small" className={styles.compact} disabled={busy || index === meeting.items.length - 1} onClick={() => move(item, 1)} aria-label={t.builder.moveDown(item.title)}>{t.builder.down}</Button>
                  <Button size="small" className={styles.compact} onClick={() => setEditing(item.id)} aria-label={t.builder.editItem(item.title)}>{t.builder.edit}</Button>
                  {item.status === "pending" && (
                    <Button size="small" className={styles.compact} disabled={busy} onClick={() => void run({ type: "agenda.withdrawItem", itemId: item.id })} aria-label={t.builder.withdraw(item.title)}>{t.builder.withdrawShort}</Button>
                  )}
                </div>
              )}
              {editing === item.id && (
                <ItemForm initial={item} submitLabel={t.builder.save} onSubmit={(c) => edit(item, c)} onCancel={() => setEditing(undefined)} />
              )}
            </li>
          ))}
        </ol>
      </section>
      {editable && (
        <section className={styles.section} aria-labelledby="add-h">
          <h2 className={styles.heading} id="add-h">{t.builder.addItem}</h2>
          <ItemForm submitLabel={t.builder.addItem} onSubmit={(c) => add(c)} />
          {otherBusinessIndex >= 0 && (
            <Text className={styles.small}>{t.builder.addOtherHint}</Text>
          )}
        </section>
      )}
      {editable && otherBusinessIndex >= 0 && (
        <section className={styles.section} aria-labelledby="other-h">
          <h2 className={styles.heading} id="other-h">{t.builder.addOther}</h2>
          <ItemForm submitLabel={t.builder.addOther} onSubmit={(c) => add(c, meeting.items.findIndex((i) => i.kind === "otherBusiness") + 1)} />
        </section>
      )}
      <RolesEditor meeting={meeting} editable={snapshot.canEdit} />
      {editable && <FollowUps meeting={meeting} onAdd={(content) => add(content)} />}
    </div>
  );
}
