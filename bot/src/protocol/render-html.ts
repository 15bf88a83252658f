import type { AttendanceSection, ParagraphBlock, ProtocolDocument, ProtocolParagraph } from "@paragraf/shared";

const escapeHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const safeUrl = (u: string) => (/^https?:\/\//i.test(u) ? escapeHtml(u) : "#");

const style = `
.paragraf-protocol{font-family:"Segoe UI","Source Sans 3",system-ui,sans-serif;color:#1a1a1a;line-height:1.45;max-width:46rem;font-size:15px}
.paragraf-protocol h1{color:#17365d;font-size:1.6rem;margin:0 0 .5rem}
.paragraf-protocol h2{color:#17365d;font-size:1.05rem;margin:1.2rem 0 .3rem}
.paragraf-protocol .pp-status{display:inline-block;font-weight:600;color:#a4262c;border:1px solid #a4262c;border-radius:4px;padding:0 .4rem;margin-bottom:.5rem}
.paragraf-protocol .pp-status.pp-sealed{color:#17365d;border-color:#17365d}
.paragraf-protocol dl.pp-fields{display:grid;grid-template-columns:9rem 1fr;gap:.1rem .5rem;margin:.5rem 0 1rem}
.paragraf-protocol dl.pp-fields dt{font-weight:600;color:#555}
.paragraf-protocol dl.pp-fields dd{margin:0}
.paragraf-protocol table.pp-attendance{border-collapse:collapse;width:100%}
.paragraf-protocol table.pp-attendance td{padding:.05rem .5rem .05rem 0;vertical-align:top}
.paragraf-protocol table.pp-attendance td+td{color:#555}
.paragraf-protocol section.pp-paragraph{border-top:1px solid #9aa7b8;margin-top:1.2rem}
.paragraf-protocol section.pp-paragraph h2 span{display:inline-block;min-width:3rem}
.paragraf-protocol .pp-meta{color:#555;margin:0}
.paragraf-protocol .pp-kind{font-style:italic}
.paragraf-protocol .pp-label{font-weight:600;color:#17365d;margin:.6rem 0 0}
.paragraf-protocol ul{margin:.2rem 0;padding-left:1.2rem;list-style:"– "}
.paragraf-protocol .pp-hash{font-family:ui-monospace,monospace;word-break:break-all}
`;

function attendance(section: AttendanceSection): string {
  const heading = section.bodyName ? `${section.heading} – ${section.bodyName}` : section.heading;
  const rows = section.people
    .map((p) => `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml([p.organisation, ...p.notes].filter((t) => t).join(", "))}</td></tr>`)
    .join("");
  return `<h2>${escapeHtml(heading)}</h2><table class="pp-attendance"><tbody>${rows}</tbody></table>`;
}

function block(b: ParagraphBlock): string {
  const label = b.label ? `<p class="pp-label">${escapeHtml(b.label)}</p>` : "";
  const lead = b.lead ? `<p>${escapeHtml(b.lead)}</p>` : "";
  const items = b.items.length > 0 ? `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>` : "";
  return `<div class="pp-block pp-${b.kind}">${label}${lead}${items}</div>`;
}

function paragraph(p: ProtocolParagraph): string {
  const parts = [`<h2 id="p-${escapeHtml(p.itemId)}"><span>${escapeHtml(p.label)}</span> ${escapeHtml(p.title)}</h2>`];
  if (p.kindLabel) parts.push(`<p class="pp-meta pp-kind">${escapeHtml(p.kindLabel)}</p>`);
  if (p.presenters) parts.push(`<p class="pp-meta">${escapeHtml(p.presenters)}</p>`);
  parts.push(...p.background.map((t) => `<p>${escapeHtml(t)}</p>`));
  if (p.attachmentsLabel) {
    const items = p.attachments.map((a) => `<li>${a.url ? `<a href="${safeUrl(a.url)}" rel="noopener noreferrer" target="_blank">${escapeHtml(a.title)}</a>` : escapeHtml(a.title)}</li>`);
    parts.push(`<p class="pp-label">${escapeHtml(p.attachmentsLabel)}</p><ul>${items.join("")}</ul>`);
  }
  parts.push(...p.blocks.map(block));
  return `<section class="pp-paragraph">${parts.join("")}</section>`;
}

/**
 * Renders the HTML preview the tab shows: the same content in the same order as the PDF, every
 * string escaped, styles scoped under `.paragraf-protocol`. A fragment, not a whole page.
 */
export function renderProtocolHtml(document: ProtocolDocument): string {
  const { content, record, labels, hash } = document;
  const signatories = content.justering.signatories.map((s) => {
    const sig = record.signatures.find((x) => x.personId === s.personId);
    const status = sig ? `${labels.signedAt}: ${sig.atText}` : labels.notSigned;
    return `<tr><td>${escapeHtml(s.name)}</td><td>${escapeHtml([s.roleLabel, s.organisation].filter((t) => t).join(", "))}</td><td>${escapeHtml(status)}</td></tr>`;
  });
  return [
    `<article class="paragraf-protocol" lang="${content.lang === "sv" ? "sv-SE" : "en-GB"}"><style>${style}</style>`,
    `<p class="pp-status${record.status === "sealed" ? " pp-sealed" : ""}">${escapeHtml(record.statusLabel)}</p>`,
    `<h1>${escapeHtml(content.title)}</h1>`,
    content.subtitle ? `<p class="pp-meta pp-kind">${escapeHtml(content.subtitle)}</p>` : "",
    `<dl class="pp-fields">${content.fields.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join("")}</dl>`,
    ...content.attendance.map(attendance),
    ...content.paragraphs.map(paragraph),
    `<section class="pp-justering"><h2>${escapeHtml(content.justering.heading)}</h2><p>${escapeHtml(content.justering.statement)}</p>`,
    `<table class="pp-attendance"><tbody>${signatories.join("")}</tbody></table>`,
    `<p><strong>${escapeHtml(labels.hashLabel)}:</strong> <span class="pp-hash">${hash}</span></p></section></article>`,
  ].join("\n");
}
