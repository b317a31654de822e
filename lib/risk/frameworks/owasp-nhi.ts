import type { TFramework } from "@/lib/risk/frameworks/types";

/**
 * OWASP Top 10 Non-Human Identities Risks – 2025. Ids and names as published by the project
 * (owasp.org/www-project-non-human-identities-top-10/2025/top-10-2025, source repository
 * OWASP/www-project-non-human-identities-top-10, 2025/docs/top-10-2025.md). The official code of
 * each item is "NHI<n>:2025"; Tokenward stores the short id "NHI<n>".
 */
export const OWASP_NHI_2025: TFramework = {
  id: "owasp-nhi-2025",
  name: "OWASP Top 10 Non-Human Identities Risks 2025",
  shortName: "OWASP NHI Top 10",
  url: "https://owasp.org/www-project-non-human-identities-top-10/2025/top-10-2025",
  items: [
    { id: "NHI1", code: "NHI1:2025", name: "Improper Offboarding" },
    { id: "NHI2", code: "NHI2:2025", name: "Secret Leakage" },
    { id: "NHI3", code: "NHI3:2025", name: "Vulnerable Third-Party NHI" },
    { id: "NHI4", code: "NHI4:2025", name: "Insecure Authentication" },
    { id: "NHI5", code: "NHI5:2025", name: "Overprivileged NHI" },
    { id: "NHI6", code: "NHI6:2025", name: "Insecure Cloud Deployment Configurations" },
    { id: "NHI7", code: "NHI7:2025", name: "Long-Lived Secrets" },
    { id: "NHI8", code: "NHI8:2025", name: "Environment Isolation" },
    { id: "NHI9", code: "NHI9:2025", name: "NHI Reuse" },
    { id: "NHI10", code: "NHI10:2025", name: "Human Use of NHI" },
  ],
};
