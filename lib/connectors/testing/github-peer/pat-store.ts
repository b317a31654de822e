import type { TPatSpec } from "./objects";

/**
 * An organisation's approved fine-grained PAT grants, compact enough for 100,000 of them: a
 * generated block keeps no objects at all (each grant is derived from its index when a page is
 * served), explicitly added grants and changed generated ones live in a map, and the live grant
 * ids are one sorted number array (ids only grow, so appending keeps it sorted).
 */
export class PatStore {
  private readonly explicit = new Map<number, TPatSpec>();
  private readonly byTokenId = new Map<number, number>();
  private readonly blocks: { firstGrantId: number; firstTokenId: number; count: number; derive: (index: number) => TPatSpec }[] = [];
  private alive: number[] = [];

  get size(): number {
    return this.alive.length;
  }

  add(pat: TPatSpec): void {
    if (this.alive.length > 0 && pat.grantId <= this.alive[this.alive.length - 1]!) throw new Error("grant ids must grow");
    this.explicit.set(pat.grantId, pat);
    this.byTokenId.set(pat.tokenId, pat.grantId);
    this.alive.push(pat.grantId);
  }

  /** `derive(i)` must return the grant with id firstGrantId + i and token id firstTokenId + i. */
  addGenerated(firstGrantId: number, firstTokenId: number, count: number, derive: (index: number) => TPatSpec): void {
    if (this.alive.length > 0 && firstGrantId <= this.alive[this.alive.length - 1]!) throw new Error("grant ids must grow");
    this.blocks.push({ firstGrantId, firstTokenId, count, derive });
    for (let i = 0; i < count; i++) this.alive.push(firstGrantId + i);
  }

  private indexOf(grantId: number): number {
    let lo = 0;
    let hi = this.alive.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.alive[mid]!;
      if (v === grantId) return mid;
      if (v < grantId) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private spec(grantId: number): TPatSpec | undefined {
    const own = this.explicit.get(grantId);
    if (own) return own;
    const block = this.blocks.find((b) => grantId >= b.firstGrantId && grantId < b.firstGrantId + b.count);
    return block?.derive(grantId - block.firstGrantId);
  }

  get(grantId: number): TPatSpec | undefined {
    return this.indexOf(grantId) >= 0 ? this.spec(grantId) : undefined;
  }

  grantIdOfToken(tokenId: number): number | undefined {
    const own = this.byTokenId.get(tokenId);
    if (own !== undefined) return this.indexOf(own) >= 0 ? own : undefined;
    const block = this.blocks.find((b) => tokenId >= b.firstTokenId && tokenId < b.firstTokenId + b.count);
    if (!block) return undefined;
    const grantId = block.firstGrantId + (tokenId - block.firstTokenId);
    return this.indexOf(grantId) >= 0 ? grantId : undefined;
  }

  update(grantId: number, change: Partial<Omit<TPatSpec, "grantId" | "tokenId">>): boolean {
    const current = this.get(grantId);
    if (!current) return false;
    this.explicit.set(grantId, { ...current, ...change });
    return true;
  }

  remove(grantId: number): boolean {
    const at = this.indexOf(grantId);
    if (at < 0) return false;
    this.alive.splice(at, 1);
    return true;
  }

  /** GitHub's default order is created_at descending: the newest grant (highest id) first. */
  page(page: number, perPage: number, direction: "asc" | "desc"): TPatSpec[] {
    const out: TPatSpec[] = [];
    const start = (page - 1) * perPage;
    for (let k = start; k < Math.min(start + perPage, this.alive.length); k++) {
      const id = direction === "asc" ? this.alive[k]! : this.alive[this.alive.length - 1 - k]!;
      out.push(this.spec(id)!);
    }
    return out;
  }

  /** A filtered listing (token_id[], owner[]): a scan, as filters are used on small answers. */
  filter(keep: (pat: TPatSpec) => boolean, direction: "asc" | "desc"): TPatSpec[] {
    const out: TPatSpec[] = [];
    for (let k = 0; k < this.alive.length; k++) {
      const spec = this.spec(direction === "asc" ? this.alive[k]! : this.alive[this.alive.length - 1 - k]!)!;
      if (keep(spec)) out.push(spec);
    }
    return out;
  }
}
