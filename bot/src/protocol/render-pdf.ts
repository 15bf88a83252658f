import PDFDocument from "pdfkit";
import { protocolWording, type AttendanceSection, type ParagraphBlock, type ProtocolDocument, type ProtocolParagraph } from "@paragraf/shared";
import { protocolFonts, sharedLayoutCache } from "./protocol-fonts";
import { colour, contentWidth, ensureSpace, fonts, list, page, para, rule, tagged, type, type Doc, type Struct } from "./pdf-layout";

/** What a PDF rendering needs besides the document: its creation time (the sealing time for a sealed protocol). */
export interface PdfOptions {
  creationDate: Date;
}

/**
 * The document with every character the fonts lack shown as "?": PDF/A forbids drawing .notdef, and a
 * box would hide that something is missing. Only the rendering changes; the hash stays the content's.
 */
function printable(document: ProtocolDocument, covers: (text: string) => string): ProtocolDocument {
  const walk = (v: unknown): unknown =>
    typeof v === "string" ? covers(v) : Array.isArray(v) ? v.map(walk) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  return { ...document, content: walk(document.content) as ProtocolDocument["content"], record: walk(document.record) as ProtocolDocument["record"] };
}

/**
 * Opens the three fonts in a fixed order (so their resource names never depend on the content) and
 * gives them the process-wide layout caches. Reaches into PDFKit's font objects; if their shape ever
 * changes, documents simply keep their own caches.
 */
function shareLayoutCaches(doc: Doc): void {
  for (const name of [fonts.regular, fonts.semibold, fonts.italic]) doc.font(name);
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown; font?: { postscriptName?: string } }> })._fontFamilies ?? {};
  for (const family of Object.values(families)) {
    const name = family.font?.postscriptName;
    if (name && family.layoutCache && typeof family.layoutCache === "object") family.layoutCache = sharedLayoutCache(name);
  }
}

const xmpSafe = (t: string) => t.replace(/&/g, "+").replace(/[<>"]/g, "");

/**
 * Renders a protocol document as a tagged PDF/A-2b on A4: embedded fonts, sRGB output intent, XMP
 * identification, structure tree in the document's language, running header and footer with
 * "Sida N av M", and a signature page carrying the hash. The same document and creation date give
 * the same bytes.
 */
export async function renderProtocolPdf(original: ProtocolDocument, options: PdfOptions): Promise<Buffer> {
  const f = protocolFonts();
  const document = printable(original, f.covers);
  const { content } = document;
  const doc: Doc = new PDFDocument({
    size: "A4", margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
    pdfVersion: "1.7", subset: "PDF/A-2b", tagged: true, lang: content.lang === "sv" ? "sv-SE" : "en-GB", displayTitle: true,
    bufferPages: true, autoFirstPage: false,
    info: {
      Title: xmpSafe(`${content.title} ${content.date}`), Author: xmpSafe(content.bodyName), Subject: xmpSafe(`${content.title}, ${content.fields.map((f) => `${f.label} ${f.value}`).join(", ")}`),
      Creator: "Paragraf", Producer: "Paragraf (PDFKit)", Keywords: `sha256:${document.hash}`, CreationDate: options.creationDate,
    },
  });
  // PDFKit takes a parsed fontkit font where its types say bytes.
  doc.registerFont(fonts.regular, f.regular as unknown as Buffer);
  doc.registerFont(fonts.semibold, f.semibold as unknown as Buffer);
  doc.registerFont(fonts.italic, f.italic as unknown as Buffer);
  shareLayoutCaches(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.addPage();
  const root = doc.struct("Document");
  doc.addStructure(root);
  titleBlock(doc, root, document);
  for (const section of content.attendance) attendance(doc, root, section);
  for (const p of content.paragraphs) paragraph(doc, root, p);
  signaturePage(doc, root, document);
  root.end();
  runningHeadAndFoot(doc, document);
  doc.end();
  return done;
}

function titleBlock(doc: Doc, root: Struct, document: ProtocolDocument): void {
  const c = document.content;
  doc.y = page.top - 18;
  tagged(doc, root, "H1", () => {
    doc.font(fonts.semibold).fontSize(type.title).fillColor(colour.heading).text(c.title, page.left, doc.y, { width: contentWidth });
  });
  if (c.subtitle) tagged(doc, root, "P", () => para(doc, c.subtitle ?? "", { font: fonts.italic, size: type.subtitle, colour: colour.heading }));
  doc.y += 6;
  for (const field of c.fields) {
    ensureSpace(doc, type.body + 6);
    const y = doc.y;
    tagged(doc, root, "P", () => {
      doc.font(fonts.semibold).fontSize(type.body).fillColor(colour.muted).text(`${field.label}:`, page.left, y, { width: 100, continued: false });
      doc.font(fonts.regular).fillColor(colour.text).text(field.value, page.left + 100, y, { width: contentWidth - 100 });
    });
    doc.y += 2;
  }
  doc.y += 8;
  rule(doc, doc.y);
  doc.y += 12;
}

function attendance(doc: Doc, root: Struct, section: AttendanceSection): void {
  ensureSpace(doc, type.h3 + 3 * (type.body + 5));
  const heading = section.bodyName ? `${section.heading} – ${section.bodyName}` : section.heading;
  tagged(doc, root, "H2", () => para(doc, heading, { font: fonts.semibold, size: type.h3, colour: colour.heading, gap: 3 }));
  const nameWidth = 190;
  for (const person of section.people) {
    const detail = [person.organisation, ...person.notes].filter((t) => t.length > 0).join(", ");
    doc.font(fonts.regular).fontSize(type.body);
    const height = Math.max(doc.heightOfString(person.name, { width: nameWidth - 8 }), doc.heightOfString(detail || " ", { width: contentWidth - nameWidth }));
    ensureSpace(doc, height + 2);
    const y = doc.y;
    tagged(doc, root, "P", () => {
      doc.font(fonts.regular).fontSize(type.body).fillColor(colour.text).text(person.name, page.left, y, { width: nameWidth - 8 });
      if (detail) doc.fillColor(colour.muted).text(detail, page.left + nameWidth, y, { width: contentWidth - nameWidth });
    });
    doc.y = y + height + 1.5;
  }
  doc.y += 9;
}

function paragraph(doc: Doc, root: Struct, p: ProtocolParagraph): void {
  doc.font(fonts.semibold).fontSize(type.h2);
  const titleHeight = doc.heightOfString(p.title, { width: contentWidth - 46 });
  ensureSpace(doc, titleHeight + 4 * (type.body + 4));
  doc.y += 6;
  rule(doc, doc.y, page.left, page.left + 46);
  doc.y += 6;
  doc.outline.addItem(`${p.label} ${p.title}`);
  const sect = doc.struct("Sect");
  root.add(sect);
  const y = doc.y;
  tagged(doc, sect, "H2", () => {
    doc.font(fonts.semibold).fontSize(type.h2).fillColor(colour.heading).text(p.label, page.left, y, { width: 44, lineBreak: false });
    doc.text(p.title, page.left + 46, y, { width: contentWidth - 46 });
  });
  doc.y += 3;
  if (p.kindLabel) tagged(doc, sect, "P", () => para(doc, p.kindLabel ?? "", { font: fonts.italic, colour: colour.muted, gap: 1 }));
  if (p.presenters) tagged(doc, sect, "P", () => para(doc, p.presenters ?? "", { colour: colour.muted, gap: 1 }));
  doc.y += 4;
  for (const text of p.background) tagged(doc, sect, "P", () => para(doc, text, { gap: 6 }));
  if (p.attachmentsLabel) {
    tagged(doc, sect, "P", () => para(doc, `${p.attachmentsLabel}:`, { font: fonts.semibold, gap: 2 }));
    list(doc, sect, p.attachments.map((a) => (a.url ? `${a.title} (${a.url})` : a.title)));
  }
  for (const block of p.blocks) blockOf(doc, sect, block);
  sect.end();
  doc.y += 8;
}

function blockOf(doc: Doc, sect: Struct, block: ParagraphBlock): void {
  ensureSpace(doc, 3 * (type.body + 4));
  if (block.label) tagged(doc, sect, "P", () => para(doc, block.label ?? "", { font: fonts.semibold, colour: colour.heading, gap: 1 }));
  if (block.lead) tagged(doc, sect, "P", () => para(doc, block.lead ?? "", { gap: 3 }));
  list(doc, sect, block.items);
  doc.y += 3;
}

function signaturePage(doc: Doc, root: Struct, document: ProtocolDocument): void {
  const { content, record, labels, hash } = document;
  doc.addPage();
  doc.y = page.top - 18;
  const sect = doc.struct("Sect");
  root.add(sect);
  tagged(doc, sect, "H1", () => para(doc, labels.signaturePage, { font: fonts.semibold, size: type.title - 4, colour: colour.heading, gap: 8 }));
  tagged(doc, sect, "H2", () => para(doc, content.justering.heading, { font: fonts.semibold, size: type.h3, colour: colour.heading, gap: 2 }));
  tagged(doc, sect, "P", () => para(doc, content.justering.statement, { gap: 8 }));
  tagged(doc, sect, "P", () => para(doc, labels.signatureIntro, { colour: colour.muted, gap: 8 }));
  tagged(doc, sect, "P", () => {
    para(doc, `${labels.hashLabel}:`, { font: fonts.semibold, gap: 1 });
    para(doc, hash.match(/.{1,8}/g)?.join(" ") ?? hash, { size: type.body, gap: 10 });
  });
  const status = [record.statusLabel, record.version > 0 ? `version ${record.version}` : "", record.sealedAtText ?? ""].filter((t) => t).join(" · ");
  tagged(doc, sect, "P", () => para(doc, status, { font: fonts.semibold, colour: record.status === "sealed" ? colour.heading : colour.draft, gap: 8 }));
  for (const s of content.justering.signatories) {
    const signature = record.signatures.find((x) => x.personId === s.personId);
    ensureSpace(doc, 5 * (type.body + 5));
    rule(doc, doc.y);
    doc.y += 6;
    tagged(doc, sect, "P", () => para(doc, s.name, { font: fonts.semibold, gap: 1 }));
    tagged(doc, sect, "P", () => para(doc, [s.roleLabel, s.organisation].filter((t) => t).join(", "), { colour: colour.muted, gap: 1 }));
    tagged(doc, sect, "P", () => para(doc, signature ? `${labels.signedAt}: ${signature.atText}` : labels.notSigned, { gap: 1 }));
    if (signature) {
      tagged(doc, sect, "P", () => para(doc, `${labels.identity}: ${signature.userId}`, { size: type.small + 0.5, colour: colour.muted, gap: 1 }));
      if (signature.hash !== hash) tagged(doc, sect, "P", () => para(doc, `${labels.hashLabel}: ${signature.hash}`, { size: type.small, colour: colour.draft, gap: 1 }));
    }
    doc.y += 8;
  }
  sect.end();
}

/** The running header and footer strings of every page (artifacts, outside the structure tree). */
export function runningText(document: ProtocolDocument): { headLeft: string; headRight: string; status?: string; footLeft: string } {
  const { content, record } = document;
  const dnr = content.fields.find((f) => f.label === protocolWording[content.lang].fields.dnr);
  return {
    headLeft: content.bodyName,
    headRight: [dnr ? `${dnr.label} ${dnr.value}` : "", content.date].filter((t) => t).join(" · "),
    ...(record.status === "sealed" ? {} : { status: record.statusLabel }),
    footLeft: content.title,
  };
}

function runningHeadAndFoot(doc: Doc, document: ProtocolDocument): void {
  const { labels } = document;
  const text = runningText(document);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font(fonts.regular).fontSize(type.small).fillColor(colour.muted);
    doc.text(text.headLeft, page.left, 34, { width: contentWidth * 0.6, lineBreak: false, height: 12, ellipsis: true });
    doc.text(text.headRight, page.left + contentWidth * 0.4, 34, { width: contentWidth * 0.6, align: "right", lineBreak: false });
    if (text.status) doc.font(fonts.semibold).fillColor(colour.draft).text(text.status, page.left, 46, { width: contentWidth, align: "right", lineBreak: false });
    doc.save().moveTo(page.left, 58).lineTo(page.width - page.right, 58).lineWidth(0.5).strokeColor(colour.rule).stroke().restore();
    const footY = page.height - 40;
    doc.save().moveTo(page.left, footY - 6).lineTo(page.width - page.right, footY - 6).lineWidth(0.5).strokeColor(colour.rule).stroke().restore();
    doc.font(fonts.regular).fontSize(type.small).fillColor(colour.muted);
    doc.text(text.footLeft, page.left, footY, { width: contentWidth * 0.7, lineBreak: false, height: 12, ellipsis: true });
    doc.text(`${labels.page} ${i - range.start + 1} ${labels.of} ${range.count}`, page.left + contentWidth * 0.5, footY, { width: contentWidth * 0.5, align: "right", lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
