import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import type { AttendanceSection, ParagraphBlock, ProtocolDocument, ProtocolParagraph } from "@paragraf/shared";

const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const text = (t: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) => new Paragraph({ children: [new TextRun({ text: t, ...options })] });
const bullet = (t: string) => new Paragraph({ text: t, bullet: { level: 0 } });

function attendance(section: AttendanceSection): (Paragraph | Table)[] {
  const heading = section.bodyName ? `${section.heading} – ${section.bodyName}` : section.heading;
  const rows = section.people.map((p) => new TableRow({
    children: [
      new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, children: [text(p.name)] }),
      new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, children: [text([p.organisation, ...p.notes].filter((t) => t).join(", "), { color: "555555" })] }),
    ],
  }));
  return [new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2 }), new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders })];
}

function block(b: ParagraphBlock): Paragraph[] {
  return [
    ...(b.label ? [text(b.label, { bold: true, color: "17365D" })] : []),
    ...(b.lead ? [text(b.lead)] : []),
    ...b.items.map(bullet),
  ];
}

function paragraph(p: ProtocolParagraph): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(`${p.label}\t${p.title}`)] }),
    ...(p.kindLabel ? [text(p.kindLabel, { italics: true, color: "555555" })] : []),
    ...(p.presenters ? [text(p.presenters, { color: "555555" })] : []),
    ...p.background.map((t) => text(t)),
    ...(p.attachmentsLabel ? [text(`${p.attachmentsLabel}:`, { bold: true }), ...p.attachments.map((a) => bullet(a.url ? `${a.title} (${a.url})` : a.title))] : []),
    ...p.blocks.flatMap(block),
  ];
}

/** Renders the protocol as a Word document for secretaries who continue editing there (a draft; the record is the PDF). */
export async function renderProtocolDocx(document: ProtocolDocument): Promise<Buffer> {
  const { content, record, labels, hash } = document;
  const draftNote = record.status === "sealed" ? "" : ` – ${record.statusLabel}`;
  const doc = new Document({
    creator: "Paragraf",
    title: content.title,
    description: `sha256:${hash}`,
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 100, line: 276 } } },
        heading1: { run: { font: "Calibri", size: 36, bold: true, color: "17365D" }, paragraph: { spacing: { after: 160 } } },
        heading2: { run: { font: "Calibri", size: 26, bold: true, color: "17365D" }, paragraph: { spacing: { before: 280, after: 80 } } },
      },
    },
    sections: [{
      headers: { default: new Header({ children: [text(`${content.bodyName}${draftNote}`, { color: "555555" })] }) },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ children: [`${labels.page} `, PageNumber.CURRENT, ` ${labels.of} `, PageNumber.TOTAL_PAGES], color: "555555" })],
          })],
        }),
      },
      children: [
        new Paragraph({ text: content.title, heading: HeadingLevel.HEADING_1 }),
        ...(content.subtitle ? [text(content.subtitle, { italics: true })] : []),
        ...content.fields.map((f) => new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] })),
        ...content.attendance.flatMap(attendance),
        ...content.paragraphs.flatMap(paragraph),
        new Paragraph({ text: content.justering.heading, heading: HeadingLevel.HEADING_2 }),
        text(content.justering.statement),
        ...content.justering.signatories.map((s) => bullet(`${s.name}, ${s.roleLabel}${s.organisation ? `, ${s.organisation}` : ""}`)),
        new Paragraph({ children: [new TextRun({ text: `${labels.hashLabel}: `, bold: true }), new TextRun(hash)] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
