/** The protocol: document model, wording catalogue, canonical JSON and hash. */
export * from "./document-model";
export * from "./canonical-json";
export * from "./wording";
export * from "./build-protocol-document";
export * from "./contracts";
