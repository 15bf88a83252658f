/**
 * The protocol row of `npm run bench`: a 20-paragraph protocol rendered to tagged PDF/A bytes in a
 * warm process (the renderer the service runs, without HTTP), beside LibreOffice converting the same
 * protocol's DOCX to an untagged PDF when LibreOffice is installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderProtocolDocx } from "../../bot/src/protocol/render-docx";
import { renderProtocolPdf } from "../../bot/src/protocol/render-pdf";
import { largeMeeting } from "../protocol/demo-meetings";
import { percentile } from "./bench-setup";

interface Row { metric: string; backend: string; value: string; budget: string; verdict: string }

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/** Measures the protocol budget from DESIGN.md: 20-item protocol → tagged PDF/A bytes, median < 120 ms. */
export async function protocolRows(): Promise<Row[]> {
  const document = largeMeeting(20, 60).document();
  const creationDate = new Date("2026-10-16T16:00:00Z");
  for (let i = 0; i < 5; i++) await renderProtocolPdf(document, { creationDate });
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const pdf = await renderProtocolPdf(document, { creationDate });
    times.push(performance.now() - t0);
    pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  }
  const ours = median(times);
  // The same size of protocol, but every one new and every background word unseen by the layout cache.
  const unseen: number[] = [];
  for (let i = 0; i < 15; i++) {
    const fresh = largeMeeting(20, 60, `x${i}`).document();
    const t0 = performance.now();
    await renderProtocolPdf(fresh, { creationDate });
    unseen.push(performance.now() - t0);
  }
  const cold = median(unseen);
  const rows: Row[] = [{
    metric: `protocol → tagged PDF/A, 20 paragraphs (${pages} pages), warm, median of 30`, backend: "in-process",
    value: `${ours.toFixed(1)} ms (fastest ${Math.min(...times).toFixed(1)} ms)`, budget: "< 120 ms", verdict: ours < 120 ? "ok" : "OVER",
  }, {
    metric: "same, a new protocol each time with unseen words, median of 15", backend: "in-process",
    value: `${cold.toFixed(1)} ms`, budget: "< 120 ms", verdict: cold < 120 ? "ok" : "OVER",
  }];
  const office = ["libreoffice", "soffice"].find((cmd) => spawnSync(cmd, ["--version"]).error === undefined);
  if (!office) {
    console.log("LibreOffice row not run: libreoffice is not installed (apt-get install -y libreoffice-writer-nogui).");
    return rows;
  }
  const dir = await mkdtemp(join(tmpdir(), "paragraf-lo-"));
  try {
    await writeFile(join(dir, "protokoll.docx"), await renderProtocolDocx(document));
    const lo: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      execFileSync(office, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, join(dir, "protokoll.docx")], { stdio: "ignore" });
      lo.push(performance.now() - t0);
    }
    const theirs = median(lo);
    rows.push({ metric: "LibreOffice DOCX → PDF (same protocol, untagged), median of 3", backend: "process", value: `${theirs.toFixed(0)} ms (${(theirs / ours).toFixed(1)}× ours)`, budget: "—", verdict: "measured" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
