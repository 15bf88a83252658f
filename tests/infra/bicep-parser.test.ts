// The little Bicep reader must not be fooled by the constructs our templates use.
import { describe, expect, it } from "vitest";
import { maskBicep, outputReferences, parseBicep, referencedIdentifiers } from "./bicep-parser";

const sample = `// a comment with { an open brace
@description('Prefix: it can hold a } brace and an escaped \\' quote')
@minLength(3)
param prefix string

@allowed([
  'B1'
  'S1'
])
param sku string = 'B1'

@secure()
param password string

param tags object?

/* block comment: param hidden string */
var name = '\${prefix}-\${take(replace(prefix, '-', ''), 5)}'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'X', value: '}' }
      ]
    }
  }
}

module db './db.bicep' = {
  name: 'db'
  params: {
    server: name
    settings: {
      nested: sku
    }
    'quoted-key': password
  }
}

output HOST string = db.outputs.fqdn
output ID string = site.id
`;

describe("parseBicep", () => {
  const file = parseBicep(sample);

  it("reads params with defaults, nullable types and decorators", () => {
    expect(file.params).toEqual([
      { name: "prefix", type: "string", required: true, secure: false },
      { name: "sku", type: "string", required: false, secure: false },
      { name: "password", type: "string", required: true, secure: true },
      { name: "tags", type: "object?", required: false, secure: false },
    ]);
  });

  it("ignores declarations inside comments and strings", () => {
    expect(file.params.map((p) => p.name)).not.toContain("hidden");
    expect(file.variables).toEqual(["name"]);
    expect(file.resources).toEqual(["site"]);
  });

  it("reads the keys a module passes, first level only", () => {
    expect(file.modules).toHaveLength(1);
    expect(file.modules[0]?.symbol).toBe("db");
    expect(file.modules[0]?.path).toBe("./db.bicep");
    expect(file.modules[0]?.params.slice(0, 2)).toEqual(["server", "settings"]);
    expect(file.modules[0]?.params).toHaveLength(3);
  });

  it("reads outputs and the module outputs they use", () => {
    expect(file.outputs).toEqual(["HOST", "ID"]);
    expect(outputReferences(file)).toEqual([{ symbol: "db", output: "fqdn" }]);
  });

  it("counts identifiers inside interpolations but not in string text or comments", () => {
    const counts = referencedIdentifiers(file);
    expect(counts.get("take")).toBe(1);
    expect(counts.get("hidden")).toBeUndefined();
    expect(counts.get("escaped")).toBeUndefined();
  });
});

describe("maskBicep", () => {
  it("keeps positions and line breaks", () => {
    const masked = maskBicep("var a = 'x\ny' // c\n");
    expect(masked.structure).toHaveLength("var a = 'x\ny' // c\n".length);
    expect(masked.structure.split("\n")).toHaveLength(3);
  });

  it("refuses unterminated strings and unbalanced brackets", () => {
    expect(() => maskBicep("var a = 'open")).toThrow(/unterminated/);
    expect(() => parseBicep("resource x 'T@1' = {\n  a: {\n}\n")).toThrow(/unbalanced/);
  });
});
