import type { TFramework } from "@/lib/risk/frameworks/types";

/**
 * CSA MAESTRO (Multi-Agent Environment, Security, Threat, Risk, and Outcome), the agentic AI
 * threat-modelling framework the Cloud Security Alliance published on 2025-02-06
 * (cloudsecurityalliance.org/blog/2025/02/06/agentic-ai-threat-modeling-framework-maestro): seven
 * layers, Layer 6 being vertical (it cuts across the others).
 *
 * Confirmed here only through sources that cite the CSA post (the post itself could not be read):
 * they agree on the seven names below; some write "Deployment Infrastructure" for Layer 4. A
 * MAESTRO v2 with ten layers was in open peer review at the time of writing and is not modelled.
 */
export const CSA_MAESTRO: TFramework = {
  id: "csa-maestro",
  name: "CSA MAESTRO agentic AI threat-modelling layers",
  shortName: "CSA MAESTRO",
  url: "https://cloudsecurityalliance.org/blog/2025/02/06/agentic-ai-threat-modeling-framework-maestro",
  items: [
    { id: "MAESTRO-L1", code: "Layer 1", name: "Foundation Models" },
    { id: "MAESTRO-L2", code: "Layer 2", name: "Data Operations" },
    { id: "MAESTRO-L3", code: "Layer 3", name: "Agent Frameworks" },
    { id: "MAESTRO-L4", code: "Layer 4", name: "Deployment and Infrastructure" },
    { id: "MAESTRO-L5", code: "Layer 5", name: "Evaluation and Observability" },
    { id: "MAESTRO-L6", code: "Layer 6", name: "Security and Compliance" },
    { id: "MAESTRO-L7", code: "Layer 7", name: "Agent Ecosystem" },
  ],
};
