import type { Kysely } from "kysely";
import type { StoredUploadSession, UploadSessionStore } from "../archive/sharepoint/upload-session-store";
import type { Schema } from "./schema";

/** Upload sessions in the `archive_uploads` table (0004), scoped by tenant like every other row. */
export function createSqlUploadSessionStore(db: Kysely<Schema>): UploadSessionStore {
  return {
    async get(tenantId, jobKey) {
      const row = await db.selectFrom("archive_uploads").selectAll().where("tenant_id", "=", tenantId).where("job_key", "=", jobKey).executeTakeFirst();
      if (!row) return undefined;
      const session: StoredUploadSession = {
        uploadUrl: row.upload_url, expiration: row.expires_at.toISOString(), location: row.location, fileName: row.file_name, sha256: row.sha256, size: Number(row.size),
      };
      return session;
    },
    async save(tenantId, jobKey, s) {
      const values = { upload_url: s.uploadUrl, expires_at: new Date(s.expiration), location: s.location, file_name: s.fileName, sha256: s.sha256, size: String(s.size) };
      await db.insertInto("archive_uploads").values({ tenant_id: tenantId, job_key: jobKey, ...values })
        .onConflict((oc) => oc.columns(["tenant_id", "job_key"]).doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
    },
    async remove(tenantId, jobKey) {
      await db.deleteFrom("archive_uploads").where("tenant_id", "=", tenantId).where("job_key", "=", jobKey).execute();
    },
  };
}
