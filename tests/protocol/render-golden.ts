/** Renders one golden protocol to a PDF file in a fresh process: `npx tsx tests/protocol/render-golden.ts decision-heavy out.pdf`. */
import { writeFileSync } from "node:fs";
import { renderProtocolPdf } from "../../bot/src/protocol/render-pdf";
import { goldens } from "./goldens";

const [name, file] = process.argv.slice(2);
const golden = goldens.find((g) => g.name === name);
if (!golden || !file) {
  console.error(`usage: render-golden.ts <${goldens.map((g) => g.name).join("|")}> <out.pdf>`);
  process.exit(2);
}
const document = golden.document(golden.script());
const creationDate = new Date(document.record.sealedAt ?? `${document.content.date}T12:00:00Z`);
writeFileSync(file, await renderProtocolPdf(document, { creationDate }));
