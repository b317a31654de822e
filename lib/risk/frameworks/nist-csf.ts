import type { TFramework } from "@/lib/risk/frameworks/types";

/**
 * NIST Cybersecurity Framework (CSF) 2.0 (NIST CSWP 29, February 2024): the 22 categories of its
 * six functions, with their official identifiers and names. Grouped by function for display.
 */
export const NIST_CSF_2: TFramework = {
  id: "nist-csf-2.0",
  name: "NIST Cybersecurity Framework 2.0",
  shortName: "NIST CSF 2.0",
  url: "https://doi.org/10.6028/NIST.CSWP.29",
  items: [
    { id: "GV.OC", code: "GV.OC", name: "Organizational Context", group: "Govern (GV)" },
    { id: "GV.RM", code: "GV.RM", name: "Risk Management Strategy", group: "Govern (GV)" },
    { id: "GV.RR", code: "GV.RR", name: "Roles, Responsibilities, and Authorities", group: "Govern (GV)" },
    { id: "GV.PO", code: "GV.PO", name: "Policy", group: "Govern (GV)" },
    { id: "GV.OV", code: "GV.OV", name: "Oversight", group: "Govern (GV)" },
    { id: "GV.SC", code: "GV.SC", name: "Cybersecurity Supply Chain Risk Management", group: "Govern (GV)" },
    { id: "ID.AM", code: "ID.AM", name: "Asset Management", group: "Identify (ID)" },
    { id: "ID.RA", code: "ID.RA", name: "Risk Assessment", group: "Identify (ID)" },
    { id: "ID.IM", code: "ID.IM", name: "Improvement", group: "Identify (ID)" },
    { id: "PR.AA", code: "PR.AA", name: "Identity Management, Authentication, and Access Control", group: "Protect (PR)" },
    { id: "PR.AT", code: "PR.AT", name: "Awareness and Training", group: "Protect (PR)" },
    { id: "PR.DS", code: "PR.DS", name: "Data Security", group: "Protect (PR)" },
    { id: "PR.PS", code: "PR.PS", name: "Platform Security", group: "Protect (PR)" },
    { id: "PR.IR", code: "PR.IR", name: "Technology Infrastructure Resilience", group: "Protect (PR)" },
    { id: "DE.CM", code: "DE.CM", name: "Continuous Monitoring", group: "Detect (DE)" },
    { id: "DE.AE", code: "DE.AE", name: "Adverse Event Analysis", group: "Detect (DE)" },
    { id: "RS.MA", code: "RS.MA", name: "Incident Management", group: "Respond (RS)" },
    { id: "RS.AN", code: "RS.AN", name: "Incident Analysis", group: "Respond (RS)" },
    { id: "RS.CO", code: "RS.CO", name: "Incident Response Reporting and Communication", group: "Respond (RS)" },
    { id: "RS.MI", code: "RS.MI", name: "Incident Mitigation", group: "Respond (RS)" },
    { id: "RC.RP", code: "RC.RP", name: "Incident Recovery Plan Execution", group: "Recover (RC)" },
    { id: "RC.CO", code: "RC.CO", name: "Incident Recovery Communication", group: "Recover (RC)" },
  ],
};
