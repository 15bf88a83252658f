import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { migrateToLatest, migrations } from "./migrate";
import { createSqlUploadSessionStore } from "./sql-upload-session-store";
import { testBackends } from "./test-backends";

const session = { uploadUrl: "https://contoso.sharepoint.com/up/abc?tempauth=x", expiration: "2026-09-25T10:15:00.000Z", location: "b!drive/item-1", fileName: "p.pdf", sha256: "a".repeat(64), size: 5_000_000_000 };

describe.each(testBackends())("upload session store on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database?.close());

  it("saves, replaces, reads and removes a session per tenant and job key", async () => {
    const store = createSqlUploadSessionStore(database.db);
    expect(await store.get("t1", "job")).toBeUndefined();
    await store.save("t1", "job", session);
    expect(await store.get("t1", "job")).toEqual(session);
    expect(await store.get("t2", "job")).toBeUndefined();
    await store.save("t1", "job", { ...session, uploadUrl: "https://contoso.sharepoint.com/up/def", size: 10 });
    expect(await store.get("t1", "job")).toMatchObject({ uploadUrl: "https://contoso.sharepoint.com/up/def", size: 10 });
    await store.remove("t1", "job");
    expect(await store.get("t1", "job")).toBeUndefined();
  });
});

describe.each(testBackends())("migrations out of number order on $name", (backend) => {
  it("applies a lower-numbered migration that lands after a higher one already ran", async () => {
    const database = await backend.open({ migrate: false });
    try {
      // A database migrated by a build that had 0004 but not yet a lower number (0003 was reserved for another change).
      const skipped = Object.keys(migrations).sort().filter((n) => n < "0004").at(-1)!;
      const without = Object.fromEntries(Object.entries(migrations).filter(([n]) => n !== skipped));
      expect((await migrateToLatest(database.db, database.schema, without)).applied).toContain("0004-archive-uploads");
      expect(await migrateToLatest(database.db, database.schema)).toEqual({ applied: [skipped] });
    } finally {
      await database.close();
    }
  });
});
