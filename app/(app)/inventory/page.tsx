import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Inventory" };

export default function InventoryPage() {
  return (
    <>
      <PageHeader title="Inventory" description="Every machine credential and service account, who owns it, and what it can reach." />
      <EmptyState
        icon={KeyRound}
        title="The credential inventory is on its way"
        description="This page will list tokens, API keys, OAuth clients and cloud access keys from every connected provider, matched by fingerprint — Tokenward never stores the secrets themselves."
      >
        <FeatureList
          title="What you will be able to do here"
          items={[
            "Search, filter and sort by provider, owner, kind, status, expiry and last use",
            "See each credential's scopes, audiences, TTL and the agents and MCP servers that carry it",
            "Read an explainable risk score: every factor with its evidence and the framework item it maps to",
            "Claim or assign ownership, and start a rotation or revocation",
          ]}
        />
      </EmptyState>
    </>
  );
}
