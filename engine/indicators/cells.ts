/** Separates the group values in a cell's key ("kvinna\u000018_24"). */
export const SEP = "\u0000";

/**
 * Group values → dense cell id. Looked up one grouping at a time through a Map per level, so a
 * record's cell is found without joining its values into a key string (which costs a string
 * built and hashed per record); the joined key is made once, when the cell first appears.
 */
export class CellIndex {
  /** The joined key of each cell, by id. */
  readonly keys: string[] = [];
  /** Level nodes; in a node, a value maps to the next node's index, or on the last level to a cell id. */
  private readonly nodes: Array<Map<string, number>> = [new Map()];

  constructor(
    private readonly levels: number,
    /** Called with the new cell's id, so counters can grow with the cells. */
    private readonly onNewCell: (id: number) => void,
  ) {}

  /** The cell of one value per grouping (codes[0 … levels-1]). */
  idOf(codes: readonly string[]): number {
    let node = this.nodes[0]!;
    for (let level = 0; level < this.levels - 1; level++) {
      const code = codes[level]!;
      let next = node.get(code);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push(new Map());
        node.set(code, next);
      }
      node = this.nodes[next]!;
    }
    const last = this.levels === 0 ? "" : codes[this.levels - 1]!;
    let id = node.get(last);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(codes.slice(0, this.levels).join(SEP));
      node.set(last, id);
      this.onNewCell(id);
    }
    return id;
  }

  /** Every combination of several values per grouping (a record in two intervention groups counts in both). */
  idsOf(perGroup: readonly string[][]): number[] {
    const ids: number[] = [];
    const codes: string[] = new Array<string>(this.levels);
    const walk = (level: number) => {
      if (level === this.levels) {
        ids.push(this.idOf(codes));
        return;
      }
      for (const v of perGroup[level]!) {
        codes[level] = v;
        walk(level + 1);
      }
    };
    walk(0);
    return ids;
  }
}
