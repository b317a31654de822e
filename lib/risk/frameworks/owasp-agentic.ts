import type { TFramework } from "@/lib/risk/frameworks/types";

/**
 * OWASP Top 10 for Agentic Applications 2026 (OWASP GenAI Security Project, Agentic Security
 * Initiative, published December 2025; genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/).
 *
 * Names: the ten ids and titles agree across the project's announcement and the sources that
 * reproduce its list, but the published PDF itself could not be read here, and secondary sources
 * differ on "&" versus "and" (e.g. "Identity & Privilege Abuse", "Memory & Context Poisoning")
 * and on the "(RCE)" suffix of ASI05. The spellings below are the most common ones; check them
 * against the PDF before quoting them in an audit report.
 */
export const OWASP_AGENTIC_2026: TFramework = {
  id: "owasp-agentic-2026",
  name: "OWASP Top 10 for Agentic Applications 2026",
  shortName: "OWASP Agentic Top 10",
  url: "https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/",
  items: [
    { id: "ASI01", code: "ASI01", name: "Agent Goal Hijack" },
    { id: "ASI02", code: "ASI02", name: "Tool Misuse and Exploitation" },
    { id: "ASI03", code: "ASI03", name: "Identity and Privilege Abuse" },
    { id: "ASI04", code: "ASI04", name: "Agentic Supply Chain Vulnerabilities" },
    { id: "ASI05", code: "ASI05", name: "Unexpected Code Execution (RCE)" },
    { id: "ASI06", code: "ASI06", name: "Memory and Context Poisoning" },
    { id: "ASI07", code: "ASI07", name: "Insecure Inter-Agent Communication" },
    { id: "ASI08", code: "ASI08", name: "Cascading Failures" },
    { id: "ASI09", code: "ASI09", name: "Human-Agent Trust Exploitation" },
    { id: "ASI10", code: "ASI10", name: "Rogue Agents" },
  ],
};
