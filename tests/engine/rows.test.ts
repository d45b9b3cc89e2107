import { describe, expect, it } from "vitest";
import { marksAfterRowRemoved } from "../../engine/form/rows.ts";

describe("marksAfterRowRemoved", () => {
  const marks = new Set(["/barn/alder", "/handelser/0/datum", "/handelser/1/handelsetyp", "/handelser/2", "/handelser/10/datum", "/handelserna/1/x"]);

  it("drops the removed row's marks and moves later rows up by one", () => {
    expect([...marksAfterRowRemoved(marks, "/handelser", 1)].sort()).toEqual(["/barn/alder", "/handelser/0/datum", "/handelser/1", "/handelser/9/datum", "/handelserna/1/x"]);
  });

  it("removing the first row moves every row of that table, and no other table", () => {
    expect([...marksAfterRowRemoved(marks, "/handelser", 0)].sort()).toEqual(["/barn/alder", "/handelser/0/handelsetyp", "/handelser/1", "/handelser/9/datum", "/handelserna/1/x"]);
  });

  it("leaves the given set as it was", () => {
    marksAfterRowRemoved(marks, "/handelser", 0);
    expect(marks.size).toBe(6);
    expect(marks.has("/handelser/0/datum")).toBe(true);
  });
});
