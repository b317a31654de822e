import { describe, expect, it } from "vitest";
import { inventoryStatus, lastUseOf } from "./keys";

describe("access key status and last use", () => {
  it("Active is active, Inactive is disabled (the key exists and can be re-enabled), Expired is expired", () => {
    expect(inventoryStatus("Active")).toBe("active");
    expect(inventoryStatus("Inactive")).toBe("disabled");
    expect(inventoryStatus("Expired")).toBe("expired");
  });

  it("a never-used key's N/A service and region are no values; a used key's are kept", () => {
    expect(lastUseOf({ ServiceName: "N/A", Region: "N/A" })).toEqual({ at: undefined, service: undefined, region: undefined });
    const at = new Date("2015-03-13T10:45:00Z");
    expect(lastUseOf({ LastUsedDate: at, ServiceName: "s3", Region: "us-west-2" })).toEqual({ at, service: "s3", region: "us-west-2" });
  });
});
