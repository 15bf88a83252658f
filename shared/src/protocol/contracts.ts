import { z } from "zod";

/** Query of the protocol draft route: the format and the language to word it in. */
export const ProtocolQuerySchema = z.object({
  format: z.enum(["pdf", "docx", "html"]).default("pdf"),
  lang: z.enum(["sv", "en"]).default("sv"),
});

/** Params of a sealed version's PDF route. */
export const ProtocolVersionParamsSchema = z.object({
  meetingId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  version: z.coerce.number().int().min(1).max(100_000),
});

/** The HTTP header every protocol download carries: the SHA-256 of the content it shows. */
export const protocolHashHeader = "x-paragraf-protocol-hash";

/** The HTML preview answer: the rendered preview and the hash to send for justering. */
export const ProtocolHtmlResponseSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  lang: z.enum(["sv", "en"]),
  status: z.enum(["draft", "inJustering", "sealed"]),
  version: z.number().int(),
  seq: z.number().int(),
  html: z.string(),
});
export type ProtocolHtmlResponse = z.infer<typeof ProtocolHtmlResponseSchema>;
