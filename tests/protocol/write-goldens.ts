/** Rewrites the committed golden document models: `npx tsx tests/protocol/write-goldens.ts` (review the diff before committing). */
import { writeFileSync } from "node:fs";
import { fixturePath, goldens } from "./goldens";

for (const g of goldens) {
  writeFileSync(fixturePath(g.name), `${JSON.stringify(g.document(g.script()), null, 2)}\n`);
  console.log(`wrote ${g.name}`);
}
