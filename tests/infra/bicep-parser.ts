/**
 * A small Bicep reader for consistency tests, since no Bicep compiler can run here. It masks comments
 * and string contents (keeping interpolations as expressions), then reads top-level declarations:
 * `param`, `var`, `resource`, `module` (with the keys of its `params` object) and `output`.
 * It does not understand `import`, user-defined types, `existing` scopes or loops; the templates in
 * infra/ do not use them, and a test fails loudly (unbalanced brackets, unknown symbol) if they do.
 */

/** Two views of a source with positions preserved: brackets-only structure, and code expressions. */
export interface MaskedSource {
  /** Comments and everything inside string literals replaced by spaces (quotes kept). */
  readonly structure: string;
  /** Comments and literal string text replaced by spaces; `${...}` interpolations kept. */
  readonly expressions: string;
}

type Mode = { kind: "code" } | { kind: "string" } | { kind: "interp"; depth: number };

/** Masks comments and string contents; throws on an unterminated string, comment or bracket. */
export function maskBicep(source: string): MaskedSource {
  const structure: string[] = [];
  const expressions: string[] = [];
  const stack: Mode[] = [{ kind: "code" }];
  const blank = (ch: string) => (ch === "\n" ? "\n" : " ");
  const emit = (s: string, e: string) => {
    structure.push(s);
    expressions.push(e);
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? "";
    const mode = stack[stack.length - 1] ?? { kind: "code" };
    if (mode.kind === "string") {
      if (ch === "\\") {
        emit(" ", " ");
        emit(blank(source[i + 1] ?? ""), blank(source[i + 1] ?? ""));
        i += 2;
      } else if (ch === "'") {
        stack.pop();
        emit("'", "'");
        i += 1;
      } else if (ch === "$" && source[i + 1] === "{") {
        stack.push({ kind: "interp", depth: 0 });
        emit(" ", "$");
        emit(" ", "{");
        i += 2;
      } else {
        emit(blank(ch), blank(ch));
        i += 1;
      }
      continue;
    }
    const inInterp = mode.kind === "interp";
    const keep = (c: string) => emit(inInterp ? blank(c) : c, c);
    if (ch === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") {
        emit(" ", " ");
        i += 1;
      }
    } else if (ch === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) throw new Error(`unterminated block comment at offset ${i}`);
      for (; i < end + 2; i += 1) emit(blank(source[i] ?? ""), blank(source[i] ?? ""));
    } else if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      if (end < 0) throw new Error(`unterminated multi-line string at offset ${i}`);
      keep("'");
      for (i += 1; i < end + 2; i += 1) emit(blank(source[i] ?? ""), blank(source[i] ?? ""));
      keep("'");
      i += 1;
    } else if (ch === "'") {
      stack.push({ kind: "string" });
      keep("'");
      i += 1;
    } else if (inInterp && ch === "{") {
      mode.depth += 1;
      keep(ch);
      i += 1;
    } else if (inInterp && ch === "}") {
      if (mode.depth === 0) stack.pop();
      else mode.depth -= 1;
      keep(ch);
      i += 1;
    } else {
      keep(ch);
      i += 1;
    }
  }
  if (stack.length !== 1) throw new Error("unterminated string or interpolation at end of file");
  return { structure: structure.join(""), expressions: expressions.join("") };
}

/** A `param` declaration: required when it has neither a default nor a nullable (`?`) type. */
export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly secure: boolean;
}

/** A `module` declaration and the keys it passes in `params`. */
export interface BicepModuleCall {
  readonly symbol: string;
  readonly path: string;
  readonly params: string[];
}

/** The top-level declarations of one Bicep file. */
export interface BicepFile {
  readonly params: BicepParam[];
  readonly outputs: string[];
  readonly variables: string[];
  readonly resources: string[];
  readonly modules: BicepModuleCall[];
  readonly masked: MaskedSource;
}

/** For each offset, the bracket depth ({, [, ( all count) before it; throws when unbalanced. */
function depths(structure: string): number[] {
  const result: number[] = [];
  let depth = 0;
  for (const ch of structure) {
    result.push(depth);
    if ("{[(".includes(ch)) depth += 1;
    if ("}])".includes(ch)) depth -= 1;
    if (depth < 0) throw new Error("unbalanced closing bracket");
  }
  if (depth !== 0) throw new Error(`unbalanced brackets: ${depth} left open`);
  return result;
}

/** Offset of the bracket that closes the one opening at `open`. */
function closingBracket(structure: string, open: number): number {
  let depth = 0;
  for (let i = open; i < structure.length; i += 1) {
    const ch = structure[i] ?? "";
    if ("{[(".includes(ch)) depth += 1;
    if ("}])".includes(ch)) depth -= 1;
    if (depth === 0) return i;
  }
  throw new Error(`no closing bracket for offset ${open}`);
}

/** Keys at the first level of the object literal opening at `open` (which must be `{`). */
export function objectKeys(structure: string, open: number): string[] {
  const close = closingBracket(structure, open);
  const body = structure.slice(open + 1, close);
  const keys: string[] = [];
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] ?? "";
    if (lineStart && depth === 0) {
      const key = /^[ \t]*([A-Za-z_][A-Za-z0-9_]*|'[^']*')\s*:/.exec(body.slice(i));
      if (key) keys.push(key[1] ?? "");
    }
    lineStart = ch === "\n";
    if ("{[(".includes(ch)) depth += 1;
    if ("}])".includes(ch)) depth -= 1;
  }
  return keys;
}

/** Parses the top-level declarations of a Bicep source. */
export function parseBicep(source: string): BicepFile {
  const masked = maskBicep(source);
  const { structure } = masked;
  const depth = depths(structure);
  const file: BicepFile = { params: [], outputs: [], variables: [], resources: [], modules: [], masked };
  const lines = structure.split("\n");
  let offset = 0;
  let decorators: string[] = [];
  for (const line of lines) {
    const atTop = depth[offset] === 0;
    const original = source.slice(offset, offset + line.length);
    offset += line.length + 1;
    if (!atTop) continue;
    const decorator = /^\s*@(\w+)/.exec(line);
    if (decorator) {
      decorators.push(decorator[1] ?? "");
      continue;
    }
    const param = /^\s*param\s+(\w+)\s+([A-Za-z0-9_.]+\??)(\s*=)?/.exec(line);
    if (param) {
      const type = param[2] ?? "";
      file.params.push({ name: param[1] ?? "", type, required: !param[3] && !type.endsWith("?"), secure: decorators.includes("secure") });
    }
    const output = /^\s*output\s+(\w+)\s/.exec(line);
    if (output) file.outputs.push(output[1] ?? "");
    const variable = /^\s*var\s+(\w+)\s*=/.exec(line);
    if (variable) file.variables.push(variable[1] ?? "");
    const resource = /^\s*resource\s+(\w+)\s+'/.exec(line);
    if (resource) file.resources.push(resource[1] ?? "");
    const module = /^\s*module\s+(\w+)\s+'/.exec(line);
    if (module) {
      const path = /'([^']*)'/.exec(original)?.[1] ?? "";
      const bodyOpen = structure.indexOf("{", offset - line.length - 1);
      const body = structure.slice(bodyOpen, closingBracket(structure, bodyOpen));
      const paramsKey = [...body.matchAll(/\n\s*params\s*:\s*\{/g)]
        .map((m) => bodyOpen + m.index + m[0].length - 1)
        .find((open) => depth[open] === 1);
      const params = paramsKey === undefined ? [] : objectKeys(structure, paramsKey);
      file.modules.push({ symbol: module[1] ?? "", path, params });
    }
    if (line.trim() !== "") decorators = [];
  }
  return file;
}

/** Words used as identifiers in code and interpolations (comments and string text excluded). */
export function referencedIdentifiers(file: BicepFile): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of file.masked.expressions.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Every `<symbol>.outputs.<name>` reference in a file's expressions. */
export function outputReferences(file: BicepFile): Array<{ symbol: string; output: string }> {
  return [...file.masked.expressions.matchAll(/\b(\w+)\.outputs\.(\w+)/g)].map((m) => ({ symbol: m[1] ?? "", output: m[2] ?? "" }));
}
