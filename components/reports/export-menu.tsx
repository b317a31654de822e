"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { ManifestLink } from "@/components/reports/manifest-link";
import { startReportDownload, type TStartedExport } from "@/components/reports/start-download";
import { FORMAT_LABELS, REPORT_FORMATS } from "@/lib/reports/catalogue";

/** The inventory's Export menu: the current view (filters and sort, as in the URL) as CSV, JSON or PDF. */
export function InventoryExportMenu({ filters }: { filters: string }) {
  const [last, setLast] = useState<TStartedExport | null>(null);
  return (
    <div className="flex items-center gap-3 text-ui">
      {last ? (
        <span className="text-muted-foreground" role="status">
          {FORMAT_LABELS[last.format].label} export started · <ManifestLink exportId={last.exportId} label="Download its manifest" />
        </span>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm" data-testid="inventory-export">
            <Download aria-hidden />
            Export
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel>This view, every matching row</DropdownMenuLabel>
          <DropdownMenuSeparator />
          {REPORT_FORMATS.map((format) => (
            <DropdownMenuItem
              key={format}
              data-testid={`inventory-export-${format}`}
              onSelect={() => setLast({ exportId: startReportDownload("inventory", format, filters), report: "inventory", format, at: Date.now() })}
            >
              {FORMAT_LABELS[format].label}
              <span className="ml-auto text-xs text-muted-foreground">{format === "pdf" ? "first 2,000 rows" : "signed manifest"}</span>
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
