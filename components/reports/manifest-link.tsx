import { FileCheck2 } from "lucide-react";
import { reportManifestHref } from "@/lib/reports/catalogue";

/** The sidecar manifest of an export: served once the export's last byte has left. */
export function ManifestLink({ exportId, label = "Manifest" }: { exportId: string; label?: string }) {
  return (
    <a href={reportManifestHref(exportId)} download className="inline-flex items-center gap-1 font-medium text-primary hover:underline" data-testid="report-manifest-link">
      <FileCheck2 aria-hidden className="size-3.5" />
      {label}
    </a>
  );
}
