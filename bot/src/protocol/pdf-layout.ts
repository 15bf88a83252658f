import type PDFDocument from "pdfkit";

/** A PDFKit document, as the layout helpers use it. */
export type Doc = InstanceType<typeof PDFDocument>;
/** A structure element of the tagged PDF. */
export type Struct = ReturnType<Doc["struct"]>;

/** Page geometry and type scale of the protocol (A4, points). */
export const page = { width: 595.28, height: 841.89, left: 62, right: 62, top: 80, bottom: 66 } as const;
/** Width of the text column. */
export const contentWidth = page.width - page.left - page.right;
/** Font sizes (points). */
export const type = { title: 20, subtitle: 12, h2: 13, h3: 11.5, body: 10.5, small: 8.5 } as const;
/** Colours: near-black text, dark blue headings, grey details, red for draft marks. */
export const colour = { text: "#1a1a1a", heading: "#17365d", muted: "#555555", rule: "#9aa7b8", draft: "#a4262c" } as const;
/** Names the embedded fonts are registered under. */
export const fonts = { regular: "Regular", semibold: "SemiBold", italic: "Italic" } as const;

/** Starts a new page unless `height` points fit above the bottom margin (keeps headings with their text). */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Adds a tagged element whose content `draw` lays out, to `parent`. */
export function tagged(doc: Doc, parent: Struct, role: string, draw: () => void): void {
  parent.add(doc.struct(role, {}, draw));
}

/** Text in the body column, wrapping and flowing across pages. */
export function para(doc: Doc, text: string, options: { font?: string; size?: number; colour?: string; indent?: number; gap?: number } = {}): void {
  const indent = options.indent ?? 0;
  doc.font(options.font ?? fonts.regular).fontSize(options.size ?? type.body).fillColor(options.colour ?? colour.text);
  doc.text(text, page.left + indent, doc.y, { width: contentWidth - indent, lineGap: 2, paragraphGap: 0 });
  doc.y += options.gap ?? 4;
}

/** A list tagged L > LI > (Lbl, LBody): a dash label and wrapped body text per item. */
export function list(doc: Doc, parent: Struct, items: string[], indent = 0): void {
  if (items.length === 0) return;
  const l = doc.struct("L");
  parent.add(l);
  const labelX = page.left + indent + 4;
  const bodyX = page.left + indent + 18;
  for (const item of items) {
    ensureSpace(doc, 2 * (type.body + 4));
    const li = doc.struct("LI");
    l.add(li);
    const y = doc.y;
    li.add(doc.struct("Lbl", {}, () => {
      doc.font(fonts.regular).fontSize(type.body).fillColor(colour.text).text("–", labelX, y, { lineBreak: false });
    }));
    li.add(doc.struct("LBody", {}, () => {
      doc.font(fonts.regular).fontSize(type.body).fillColor(colour.text).text(item, bodyX, y, { width: page.left + contentWidth - bodyX, lineGap: 2 });
    }));
    li.end();
    doc.y += 3;
  }
  l.end();
  doc.y += 2;
}

/** A thin horizontal rule, marked as an artifact (decoration, not content). */
export function rule(doc: Doc, y: number, from = page.left, to = page.width - page.right): void {
  doc.markContent("Artifact", { type: "Layout" });
  doc.save().moveTo(from, y).lineTo(to, y).lineWidth(0.6).strokeColor(colour.rule).stroke().restore();
  doc.endMarkedContent();
}
