import type { Role } from "@/lib/generated/prisma/client";

/** The people side of the fictional organisation: demo logins, teams, name pools. */

export const EMAIL_DOMAIN = "tokenward.local";

/** One login per role, always first, so the demo can say "sign in as owner@…". */
export const DEMO_USERS: readonly { email: string; name: string; role: Role; teams: readonly string[] }[] = [
  { email: `admin@${EMAIL_DOMAIN}`, name: "Ada Admin", role: "admin", teams: ["platform"] },
  { email: `security@${EMAIL_DOMAIN}`, name: "Sam Security", role: "security", teams: ["security"] },
  { email: `owner@${EMAIL_DOMAIN}`, name: "Olivia Owner", role: "owner", teams: ["platform", "ml-platform"] },
  { email: `auditor@${EMAIL_DOMAIN}`, name: "Avery Auditor", role: "auditor", teams: [] },
];

export const TEAMS: readonly { slug: string; name: string; weight: number }[] = [
  { slug: "platform", name: "Platform", weight: 16 },
  { slug: "payments", name: "Payments", weight: 12 },
  { slug: "data", name: "Data Engineering", weight: 12 },
  { slug: "ml-platform", name: "ML Platform", weight: 14 },
  { slug: "security", name: "Security", weight: 6 },
  { slug: "support-tools", name: "Support Tools", weight: 8 },
  { slug: "growth", name: "Growth", weight: 9 },
  { slug: "identity", name: "Identity & Access", weight: 6 },
  { slug: "mobile", name: "Mobile", weight: 7 },
  { slug: "sre", name: "Site Reliability", weight: 10 },
];

export const FIRST_NAMES = [
  "Aisha", "Ben", "Carlos", "Dana", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam",
  "Mei", "Noah", "Olu", "Priya", "Quinn", "Rafael", "Sofia", "Tomasz", "Uma", "Victor", "Wen", "Ximena",
  "Yusuf", "Zoe", "Amara", "Bjorn", "Chloe", "Dmitri", "Emeka", "Fatima", "Gabriel", "Hana", "Ivan",
  "Julia", "Kenji", "Leila", "Marco", "Nadia", "Oscar", "Paula", "Ravi", "Sara", "Theo", "Valentina",
] as const;

export const LAST_NAMES = [
  "Okafor", "Schmidt", "Garcia", "Nguyen", "Kowalski", "Haddad", "Tanaka", "Silva", "Johansson", "Patel",
  "Moreau", "Kim", "Rossi", "Dubois", "Mensah", "Novak", "Fernandes", "Ibrahim", "Larsen", "Chen",
  "Oliveira", "Ahmed", "Müller", "O'Brien", "Kaur", "Yamamoto", "Popescu", "Andersen", "Costa", "Levi",
  "Nakamura", "Santos", "Weber", "Adeyemi", "Horvath", "Lindqvist", "Romero", "Sato", "Walsh", "Zhou",
] as const;

/** Vendors whose integrations hold Acme credentials (the third-party access factor). */
export const VENDORS = ["Acme Analytics", "Datadog", "Zapier", "Snyk", "Linear", "Vanta", "Glean"] as const;

/** Developer machines MCP clients run on. */
export const HOST_PREFIXES = ["mbp", "ws-dev", "devbox", "lt", "mac"] as const;
