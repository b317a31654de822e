import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TExposureFilters } from "@/lib/exposures/schemas";

/** A plain GET form: filters live in the URL, so a filtered view can be linked and works without JS. */
export function ExposureFilters({ filters }: { filters: TExposureFilters }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search" aria-label="Filter exposures">
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        State
        <Select name="state" defaultValue={filters.state} compact className="w-36" data-testid="exposure-filter-state">
          <option value="open">Open</option>
          <option value="remediated">Remediated</option>
          <option value="all">All</option>
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted-foreground">
        Place
        <Select name="kind" defaultValue={filters.kind ?? ""} compact className="w-40">
          <option value="">Any place</option>
          <option value="mcp_config">MCP config</option>
          <option value="env_file">Env file</option>
          <option value="repository">Repository</option>
          <option value="ci_log">CI log</option>
          <option value="prompt">Prompt</option>
        </Select>
      </label>
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs text-muted-foreground">
        Search
        <Input name="q" defaultValue={filters.q ?? ""} placeholder="File, server, credential, detector" className="h-8" data-testid="exposure-filter-q" />
      </label>
      {filters.server ? <input type="hidden" name="server" value={filters.server} /> : null}
      {filters.credential ? <input type="hidden" name="credential" value={filters.credential} /> : null}
      <Button type="submit" size="sm" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
