import {
  MeetingParamsSchema, ProtocolHtmlResponseSchema, ProtocolQuerySchema, protocolHashHeader, type ProtocolDocument,
} from "@paragraf/shared";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Deps } from "../../deps";
import { renderProtocolDocx } from "../../protocol/render-docx";
import { renderProtocolHtml } from "../../protocol/render-html";
import { renderProtocolPdf } from "../../protocol/render-pdf";
import { loadProtocol, renderSealedProtocolPdf } from "../../use-cases/render-protocol";
import { failWith } from "../errors";
import { identityOf } from "../server";

const VersionFileParamsSchema = MeetingParamsSchema.extend({ file: z.string().max(20) });
const fileName = (d: ProtocolDocument, ext: string, version?: number) =>
  `${d.content.documentType}-${d.content.date}${version ? `-v${version}` : ""}.${ext}`;

function withHash(reply: FastifyReply, d: ProtocolDocument): FastifyReply {
  return reply.header(protocolHashHeader, d.hash).header("cache-control", "no-store");
}

/** The protocol downloads: the current draft as PDF, DOCX or HTML, and a sealed version's PDF; each carries its hash. */
export function registerProtocolRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/meetings/:meetingId/protocol", async (req, reply) => {
    const { meetingId } = MeetingParamsSchema.parse(req.params);
    const { format, lang } = ProtocolQuerySchema.parse(req.query);
    const { document, state, creationDate } = await loadProtocol({ deps, identity: identityOf(req), meetingId, lang });
    withHash(reply, document);
    if (format === "html") {
      return ProtocolHtmlResponseSchema.parse({
        hash: document.hash, lang, status: document.record.status, version: document.record.version, seq: state.seq, html: renderProtocolHtml(document),
      });
    }
    if (format === "docx") {
      const docx = await renderProtocolDocx(document);
      return reply
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .header("content-disposition", `attachment; filename="${fileName(document, "docx")}"`)
        .send(docx);
    }
    const pdf = await renderProtocolPdf(document, { creationDate });
    return reply.type("application/pdf").header("content-disposition", `inline; filename="${fileName(document, "pdf")}"`).send(pdf);
  });

  app.get("/api/meetings/:meetingId/protocol/versions/:file", async (req, reply) => {
    const { meetingId, file } = VersionFileParamsSchema.parse(req.params);
    const match = /^(\d{1,6})\.pdf$/.exec(file);
    if (!match) return failWith("notFound");
    const sealed = await renderSealedProtocolPdf({ deps, tenantId: identityOf(req).tenantId, meetingId, version: Number(match[1]) });
    return withHash(reply, sealed.document)
      .header("x-paragraf-hash-verified", String(sealed.verified))
      .header("cache-control", "private, max-age=31536000, immutable")
      .type("application/pdf")
      .header("content-disposition", `inline; filename="${fileName(sealed.document, "pdf", Number(match[1]))}"`)
      .send(sealed.pdf);
  });
}
