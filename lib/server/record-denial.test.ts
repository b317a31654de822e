import { describe, expect, it } from "vitest";
import { createDenialGate } from "@/lib/server/record-denial";

describe("createDenialGate", () => {
  it("records the first denials of a window, counts the rest, and carries the count into the next record", () => {
    const gate = createDenialGate({ limit: 3, windowMs: 1000 });
    const first = Array.from({ length: 50 }, () => gate.admit("a", 0));
    expect(first.filter((d) => d.record)).toHaveLength(3);
    expect(gate.admit("b", 10)).toEqual({ record: true, suppressed: 0 }); // other keys are not affected
    expect(gate.admit("a", 1000)).toEqual({ record: true, suppressed: 47 });
    expect(gate.admit("a", 1001)).toEqual({ record: true, suppressed: 0 });
  });

  it("never drops a live window when full: a new key is suppressed instead", () => {
    const gate = createDenialGate({ limit: 1, windowMs: 1000, maxActors: 2 });
    gate.admit("a", 0);
    gate.admit("a", 0); // a has one suppressed denial in a live window
    gate.admit("b", 0);
    expect(gate.admit("c", 10)).toEqual({ record: false, suppressed: 0 });
    expect(gate.admit("a", 1000)).toEqual({ record: true, suppressed: 1 });
  });
});
