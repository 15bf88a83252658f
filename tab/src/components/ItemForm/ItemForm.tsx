import { Button, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { ItemContentSchema, ItemKindSchema, Limits, type ItemContent, type ItemKind } from "@paragraf/shared";
import { useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { useItemFormStyles } from "./ItemForm.styles";

interface FormState { kind: ItemKind; title: string; presenters: string; background: string; attachments: { title: string; url: string }[] }

const fromContent = (c?: ItemContent): FormState => ({
  kind: c?.kind ?? "decision",
  title: c?.title ?? "",
  presenters: c?.presenters.join(", ") ?? "",
  background: c?.background ?? "",
  attachments: c?.attachments.map((a) => ({ title: a.title, url: a.url ?? "" })) ?? [],
});

/** The form's content, checked by the shared schema (the same the API applies). */
function toContent(f: FormState) {
  return ItemContentSchema.safeParse({
    kind: f.kind,
    title: f.title,
    presenters: f.presenters.split(",").map((p) => p.trim()).filter(Boolean),
    background: f.background,
    attachments: f.attachments.filter((a) => a.title.trim()).map((a) => ({ title: a.title.trim(), ...(a.url.trim() ? { url: a.url.trim() } : {}) })),
  });
}

/** Adds or edits an agenda item: kind, title, presenters, background and attachments as links. */
export function ItemForm(props: { initial?: ItemContent; submitLabel: string; onSubmit: (content: ItemContent) => Promise<boolean>; onCancel?: () => void }) {
  const styles = useItemFormStyles();
  const { t } = useStrings();
  const [form, setForm] = useState<FormState>(() => fromContent(props.initial));
  const [busy, setBusy] = useState(false);
  const parsed = toContent(form);
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setAttachment = (i: number, patch: Partial<FormState["attachments"][number]>) =>
    set({ attachments: form.attachments.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const submit = async () => {
    if (!parsed.success) return;
    setBusy(true);
    const ok = await props.onSubmit(parsed.data);
    setBusy(false);
    if (ok && !props.initial) setForm(fromContent());
  };
  const urlInvalid = (url: string) => url.trim() !== "" && !/^https?:\/\/\S+$/i.test(url.trim());
  return (
    <form className={styles.root} onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="item-form">
      <Field label={t.builder.kind} size="small">
        <Select className={styles.select} value={form.kind} onChange={(_e, d) => set({ kind: d.value as ItemKind })}>
          {ItemKindSchema.options.map((k) => <option key={k} value={k}>{t.itemKind[k]}</option>)}
        </Select>
      </Field>
      <Field label={t.builder.itemTitle} size="small" required>
        <Input value={form.title} maxLength={Limits.maxTitleLength} onChange={(_e, d) => set({ title: d.value })} />
      </Field>
      <Field label={t.builder.presenters} size="small">
        <Input value={form.presenters} onChange={(_e, d) => set({ presenters: d.value })} />
      </Field>
      <Field label={t.builder.background} size="small">
        <Textarea value={form.background} resize="vertical" maxLength={Limits.maxBackgroundLength} onChange={(_e, d) => set({ background: d.value })} />
      </Field>
      {form.attachments.map((a, i) => (
        <div key={i} className={styles.attachment}>
          <Field label={`${t.builder.attachmentTitle} ${i + 1}`} size="small">
            <Input value={a.title} onChange={(_e, d) => setAttachment(i, { title: d.value })} />
          </Field>
          <Field label={t.builder.attachmentUrl} size="small" validationState={urlInvalid(a.url) ? "error" : "none"}>
            <Input type="url" value={a.url} onChange={(_e, d) => setAttachment(i, { url: d.value })} />
          </Field>
          <Button size="small" onClick={() => set({ attachments: form.attachments.filter((_x, j) => j !== i) })}>{t.builder.removeAttachment(i + 1)}</Button>
        </div>
      ))}
      <div className={styles.buttons}>
        <Button size="small" onClick={() => set({ attachments: [...form.attachments, { title: "", url: "" }] })}>{t.builder.addAttachment}</Button>
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={!parsed.success || busy}>{props.submitLabel}</Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t.builder.cancel}</Button>}
      </div>
    </form>
  );
}
