import { describe, expect, it } from "vitest";
import { classifyScope, classifyScopes, highestPrivilege, MAX_SCOPE_LENGTH } from "@/lib/scopes/classify";
import { atLeast, PRIVILEGES, PRIVILEGE_RANK, privilegeSet, type TPrivilege } from "@/lib/scopes/privileges";
import { ZPrivilege } from "@/lib/scopes/schemas";

const p = (type: string, scope: string) => classifyScope(type, scope).privilege;

describe("classifyScope: the issue's examples", () => {
  it("counts repo, admin:org, delete_repo and iam:* as write or above, reactions:write as write", () => {
    expect(p("github", "repo")).toBe("write");
    expect(p("github", "admin:org")).toBe("admin");
    expect(p("github", "delete_repo")).toBe("admin");
    expect(p("aws_iam", "iam:*")).toBe("wildcard");
    for (const [type, scope] of [["github", "repo"], ["github", "admin:org"], ["github", "delete_repo"], ["aws_iam", "iam:*"]] as const) {
      expect(atLeast(p(type, scope), "write"), scope).toBe(true);
    }
    expect(p("slack", "reactions:write")).toBe("write");
  });

  it("reads AWS actions by verb and wildcard", () => {
    expect(p("aws_iam", "s3:PutObject")).toBe("write");
    expect(p("aws_iam", "s3:*")).toBe("wildcard");
    expect(p("aws_iam", "*")).toBe("wildcard");
    expect(p("aws_iam", "s3:GetObject")).toBe("read");
    expect(p("aws_iam", "ec2:DescribeInstances")).toBe("read");
    expect(p("aws_iam", "dynamodb:BatchGetItem")).toBe("read");
    expect(p("aws_iam", "iam:CreateAccessKey")).toBe("admin");
    expect(p("aws_iam", "iam:GetRole")).toBe("read");
    expect(p("aws_iam", "s3:Get*")).toBe("read");
    expect(p("aws_iam", "iam:Put*")).toBe("admin");
    expect(p("aws_iam", "s3:*Object")).toBe("wildcard");
    expect(classifyScope("aws_iam", "*").reason).toBe("Every action on every AWS service");
    expect(classifyScope("aws_iam", "s3:*").reason).toBe("Every S3 action, today's and any added later");
  });

  it("reads GitHub classic scopes and fine-grained permissions", () => {
    expect(classifyScope("github", "repo").reason).toBe("Full control of private repositories, including code push");
    expect(p("github", "read:org")).toBe("read");
    expect(p("github", "write:packages")).toBe("write");
    expect(p("github", "admin:repo_hook")).toBe("admin");
    expect(p("github", "user:email")).toBe("read");
    expect(p("github", "metadata:read")).toBe("read");
    expect(p("github", "issues:write")).toBe("write");
    expect(p("github", "workflows:write")).toBe("write");
    expect(p("github", "administration:write")).toBe("admin");
    expect(p("github", "secrets:write")).toBe("admin");
    expect(p("github", "members:write")).toBe("admin");
    expect(p("github", "administration:read")).toBe("read");
  });

  it("reads Slack, Atlassian, databases, OAuth, API keys", () => {
    expect(classifyScope("slack", "channels:history")).toMatchObject({ privilege: "read", reason: expect.stringContaining("sensitive read") });
    expect(p("slack", "admin")).toBe("admin");
    expect(p("slack", "admin.users:write")).toBe("admin");
    expect(p("slack", "chat:write.public")).toBe("write");
    expect(p("atlassian", "manage:jira-project")).toBe("admin");
    expect(p("atlassian", "write:jira-work")).toBe("write");
    expect(p("atlassian", "read:issue:jira")).toBe("read");
    expect(p("database", "SELECT")).toBe("read");
    expect(p("database", "select on orders")).toBe("read");
    expect(p("database", "DELETE")).toBe("write");
    expect(p("database", "ALL PRIVILEGES")).toBe("wildcard");
    expect(p("database", "all   privileges on database orders")).toBe("wildcard");
    expect(p("database", "pg_read_all_data")).toBe("read");
    expect(p("database", "pg_execute_server_program")).toBe("admin");
    for (const s of ["openid", "profile", "email", "offline_access", "tickets:read", "read:tickets"]) expect(p("oauth", s), s).toBe("read");
    expect(p("oauth", "tickets:write")).toBe("write");
    // The OAuth connector's peer in lib/connectors/oauth issues these.
    expect(p("oauth", "inventory:read")).toBe("read");
    expect(p("oauth", "inventory:write")).toBe("write");
    expect(p("oauth", "write:tickets")).toBe("write");
    expect(p("oauth", "admin")).toBe("admin");
    expect(p("oauth", "*")).toBe("wildcard");
    expect(p("api_key", "charges:read")).toBe("read");
    expect(p("api_key", "refunds:write")).toBe("write");
    expect(p("api_key", "api.model.request")).toBe("read");
    expect(p("api_key", "model.request")).toBe("read");
    expect(p("api_key", "api.fine_tuning.write")).toBe("write");
    expect(p("api_key", "*")).toBe("wildcard");
  });

  it("falls back to generic OAuth for a provider type it has no family for", () => {
    expect(p("zendesk", "tickets:read")).toBe("read");
    expect(classifyScope("zendesk", "tickets:frobnicate")).toEqual({ scope: "tickets:frobnicate", privilege: "unknown", reason: "Not in Tokenward's scope catalogue for OAuth" });
    expect(p("__proto__", "admin")).toBe("admin");
  });

  it("keeps unknown scopes unknown, with a reason naming the family", () => {
    expect(classifyScope("github", "frobnicate")).toEqual({ scope: "frobnicate", privilege: "unknown", reason: "Not in Tokenward's scope catalogue for GitHub" });
    expect(p("aws_iam", "s3:FrobnicateObject")).toBe("unknown");
    expect(p("tokenward", "admin:all")).toBe("unknown");
    expect(p("database", "constructor")).toBe("unknown");
    expect(p("github", "toString")).toBe("unknown");
  });
});

describe("classifyScope: hostile input", () => {
  const types = ["github", "oauth", "aws_iam", "atlassian", "slack", "database", "api_key", "tokenward", "nope"];
  const hostile = [
    "", " ", "\t\n", "x".repeat(10_000), "*".repeat(10_000), `${"a:".repeat(5000)}*`, "аdmin:org", "ｒｅｐｏ", "ＩＡＭ:*", "İAM:*",
    "DELETE; DROP", "SELECT ON a; DROP TABLE b", "admin\u0000", "repo\u202E", "read:org\nadmin:org", "\u{1F600}", "__proto__", "constructor",
  ];
  it("never throws and returns the scope as given", () => {
    for (const type of types) {
      for (const scope of hostile) {
        const c = classifyScope(type, scope);
        expect(c.scope).toBe(scope);
        expect(PRIVILEGES).toContain(c.privilege);
        expect(c.reason.length).toBeGreaterThan(0);
      }
    }
  });
  it("calls empty, over-long, look-alike and injected scopes unknown", () => {
    for (const type of types) {
      for (const scope of ["", "   ", "x".repeat(MAX_SCOPE_LENGTH + 1), "аdmin:org", "ｒｅｐｏ", "DELETE; DROP", "read:org\nadmin:org"]) {
        expect(p(type, scope), `${type} ${JSON.stringify(scope.slice(0, 20))}`).toBe("unknown");
      }
    }
    expect(classifyScope("github", "x".repeat(10_000)).reason).toBe("10000 characters: longer than any GitHub scope");
  });
  it("is case-insensitive where the provider is, exact where it is not", () => {
    expect(p("aws_iam", "IAM:*")).toBe("wildcard");
    expect(p("aws_iam", "S3:putobject")).toBe("write");
    expect(p("database", "all privileges")).toBe("wildcard");
    expect(p("github", "REPO")).toBe("unknown");
    expect(p("slack", "Chat:Write")).toBe("unknown");
  });
  it("ignores surrounding whitespace but reports the scope as granted", () => {
    expect(classifyScope("github", "admin:org ")).toMatchObject({ scope: "admin:org ", privilege: "admin" });
    expect(p("aws_iam", "  s3:*\n")).toBe("wildcard");
  });
  it("answers the same twice; a remembered answer cannot be changed by a caller", () => {
    const first = classifyScope("github", "repo");
    expect(() => Object.assign(first, { privilege: "read" })).toThrow();
    expect(classifyScope("github", "repo")).toEqual({ scope: "repo", privilege: "write", reason: "Full control of private repositories, including code push" });
  });
  it("classifies a 10 kB scope quickly", () => {
    const start = performance.now();
    for (let i = 0; i < 1000; i++) classifyScope("aws_iam", `s3:${"a".repeat(250)}`);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("highestPrivilege", () => {
  const of = (...ps: TPrivilege[]) => highestPrivilege(ps.map((privilege) => ({ privilege })));
  it("orders read < unknown < write < admin < wildcard", () => {
    expect(of()).toBeNull();
    expect(of("read")).toBe("read");
    expect(of("read", "unknown")).toBe("unknown");
    expect(of("unknown", "write")).toBe("write");
    expect(of("write", "admin", "read")).toBe("admin");
    expect(of("admin", "wildcard", "unknown")).toBe("wildcard");
    expect(Object.keys(PRIVILEGE_RANK).sort()).toEqual([...PRIVILEGES].sort());
  });
  it("works on classified scopes", () => {
    expect(highestPrivilege(classifyScopes("github", ["read:org", "repo", "admin:org"]))).toBe("admin");
    expect(classifyScopes("github", []).length).toBe(0);
  });
  it("validates privileges with ZPrivilege", () => {
    expect(ZPrivilege.safeParse("wildcard").success).toBe(true);
    expect(ZPrivilege.safeParse("superuser").success).toBe(false);
  });
});

describe("privilegeSet (credential_risks.privileges)", () => {
  it("keeps each class once, broadest first, with unknown between read and write", () => {
    const set = privilegeSet(classifyScopes("github", ["read:org", "repo", "bogus-scope", "admin:org", "repo", "read:user"]));
    expect(set).toEqual(["admin", "write", "unknown", "read"]);
    expect(privilegeSet(classifyScopes("aws_iam", ["s3:GetObject", "iam:*", "*"]))).toEqual(["wildcard", "read"]);
    expect(privilegeSet([])).toEqual([]);
  });
});
