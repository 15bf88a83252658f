import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints a snippet as if it lived at `filePath`, returning the rule ids that fired. */
async function rulesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? "parse-error");
}

describe("layer rules (STYLE.md)", () => {
  it.each([
    ['import { readFile } from "node:fs/promises";'],
    ['import pg from "pg";'],
    ['import { Kysely } from "kysely";'],
    ['import React from "react";'],
    ['import { Button } from "@fluentui/react-components";'],
    ['import { CloudAdapter } from "@microsoft/agents-hosting";'],
    ['import { createApp } from "../../bot/src/composition-root";'],
  ])("refuses in shared/: %s", async (line) => {
    expect(await rulesFor("shared/src/domain/example.ts", `${line}\nexport const x = 1;\n`)).toContain("no-restricted-imports");
  });

  it("allows shared/ its own modules and zod", async () => {
    expect(await rulesFor("shared/src/domain/example.ts", 'import { z } from "zod";\nimport { Limits } from "./limits";\nexport const x = z.string().max(Limits.maxTitleLength);\n')).toEqual([]);
  });

  it("refuses bot/ importing tab/ and tab/ importing bot/ or Node", async () => {
    expect(await rulesFor("bot/src/example.ts", 'import { x } from "../../tab/src/x";\nexport const y = x;\n')).toContain("no-restricted-imports");
    expect(await rulesFor("tab/src/example.ts", 'import { x } from "../../bot/src/x";\nexport const y = x;\n')).toContain("no-restricted-imports");
    expect(await rulesFor("tab/src/example.ts", 'import { readFile } from "node:fs";\nexport const y = readFile;\n')).toContain("no-restricted-imports");
  });

  it("refuses `any`", async () => {
    expect(await rulesFor("bot/src/example.ts", "export const y = (x: any) => x;\n")).toContain("@typescript-eslint/no-explicit-any");
  });
});
