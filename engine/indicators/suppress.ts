/**
 * Small-cell suppression. A count between 1 and threshold-1 can identify a person, so such a
 * cell is hidden (primary). A hidden cell must not be recoverable as a published total minus the
 * other cells: wherever cells add up to a total someone can see — every line of the table along
 * one grouping, and the whole table — a line with exactly one hidden cell gets a second one hidden
 * (secondary), the smallest remaining, until no line has exactly one. Rates also hide a cell whose
 * complement (denominator − numerator) is small: "all but two" identifies those two.
 */
export interface SuppressionCell {
  /** Coordinates along each axis (group values, and the category for distributions). */
  coords: string[];
  numerator: number;
  denominator: number;
  suppressed: false | "primary" | "secondary";
}

/**
 * The lowest threshold there is: the statistics convention hides counts below 3 at the very least
 * (our default is 5). No parameter, definition or caller can go below it.
 */
export const SUPPRESSION_FLOOR = 3;

/** The threshold when a definition has no `suppressBelow` parameter. */
export const DEFAULT_SUPPRESS_BELOW = 5;

/** Refuses a threshold below the floor (or not a number), in Swedish. */
export function assertSuppressionThreshold(threshold: number): void {
  if (!(threshold >= SUPPRESSION_FLOOR)) {
    throw new Error(
      `Gränsen för små celler (suppressBelow) får inte vara lägre än ${SUPPRESSION_FLOOR}, angivet: ${threshold}. Celler med färre än ${SUPPRESSION_FLOOR} personer visas aldrig.`,
    );
  }
}

const small = (n: number, k: number) => n > 0 && n < k;

/**
 * `unsummedAxis`: an axis whose lines add up to no published total (a distribution whose records
 * can have several categories: its categories' counts add up to mentions, not people), left out
 * of the linear check along with the whole table; the line rule still treats them as totals.
 */
export function suppress(cells: SuppressionCell[], threshold: number, checkComplement: boolean, unsummedAxis?: number): SuppressionCell[] {
  assertSuppressionThreshold(threshold);
  for (const c of cells) {
    if (small(c.numerator, threshold) || small(c.denominator, threshold) || (checkComplement && small(c.denominator - c.numerator, threshold))) {
      c.suppressed = "primary";
    }
  }
  if (cells.length === 0) return [];
  // Lines: cells sharing all coordinates but one; plus the whole table (its sum is the total).
  const lines = linesOf(cells).filter((line) => line.length > 1);
  const hideOneMore = (line: SuppressionCell[]) => {
    const candidates = line.filter((c) => !c.suppressed && c.denominator > 0);
    if (candidates.length === 0) return false;
    candidates.sort((a, b) => a.denominator - b.denominator || a.numerator - b.numerator);
    candidates[0]!.suppressed = "secondary";
    return true;
  };
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        if (line.filter((c) => c.suppressed).length === 1 && hideOneMore(line)) changed = true;
      }
    }
    // Two or more hidden cells per line is not always enough: in a two-way table, hidden cells
    // whose rows and columns chain together can still pin one down by the margins' linear
    // relations. While a small cell follows from the published figures, hide one more beside it.
    const exposed = [...determinedHiddenCells(cells, threshold, checkComplement, unsummedAxis)].filter((c) => c.suppressed === "primary");
    if (exposed.length === 0) return [];
    // The smallest shown cell in a row or column of the exposed cell (the whole table only if there is none).
    const own = linesOf(cells, unsummedAxis).filter((line) => line !== cells && line.length > 1 && line.includes(exposed[0]!));
    const candidates = (own.some((l) => l.some((c) => !c.suppressed && c.denominator > 0)) ? own : lines.filter((l) => l.includes(exposed[0]!)))
      .flat()
      .filter((c) => !c.suppressed && c.denominator > 0);
    // Nothing left to hide beside it: the caller has to take a group out (protect does).
    if (candidates.length === 0) return exposed;
    hideOneMore(candidates);
  }
}

/** The group code of small groups merged into one ("Övriga grupper"). */
export const MERGED_GROUP = "__ovriga";

/** Small groups along one grouping: merged into MERGED_GROUP, or left out of the table. */
export interface SmallGroups {
  /** The grouping's position in the report's groupBy. */
  axis: number;
  /** The group values concerned, sorted. */
  values: string[];
  /** merged: their cells are added up into one group "Övriga grupper"; leftOut: their records are in no figure of the table. */
  action: "merged" | "leftOut";
}

const isSmall = (c: { numerator: number; denominator: number }, k: number, complement: boolean) =>
  small(c.numerator, k) || small(c.denominator, k) || (complement && small(c.denominator - c.numerator, k));

/**
 * Whether a group value's margin (its cells summed over every other grouping) is small. A rate:
 * its numerator, denominator or complement. A distribution (`categoryAxis`): its denominator, or
 * at least half of its categories — a group of 16 spread over twelve problem areas would have
 * almost every cell hidden and force hiding in every large group beside it.
 */
function marginIsSmall(cells: SuppressionCell[], k: number, complement: boolean, categoryAxis: number | undefined): boolean {
  if (categoryAxis === undefined) {
    let numerator = 0;
    let denominator = 0;
    for (const c of cells) {
      numerator += c.numerator;
      denominator += c.denominator;
    }
    return isSmall({ numerator, denominator }, k, complement);
  }
  // A distribution's cells repeat their group's denominator once per category: counted once per group.
  const denominators = new Map<string, number>();
  const categories = new Map<string, number>();
  for (const c of cells) {
    denominators.set(c.coords.slice(0, categoryAxis).join(SEP_KEY), c.denominator);
    const cat = c.coords[categoryAxis]!;
    categories.set(cat, (categories.get(cat) ?? 0) + c.numerator);
  }
  let denominator = 0;
  for (const d of denominators.values()) denominator += d;
  if (small(denominator, k)) return true;
  let smallCategories = 0;
  for (const n of categories.values()) if (small(n, k)) smallCategories++;
  return categories.size > 0 && smallCategories * 2 >= categories.size;
}

const SEP_KEY = "\u0000";

/**
 * Before suppression: along each grouping in turn, the group values whose margin is small are
 * taken out of the table, so that they do not force large cells beside them to be hidden. Two or
 * more small groups are merged into one group, MERGED_GROUP, when the merged group's margin is not
 * small; otherwise (one small group, or merged ones still small) they are left out: their records
 * are in no cell of the table, and every total that can be formed from the table is a total over
 * the groups shown. Returns the remaining cells (merged cells new) and what was done, per grouping.
 * `groupAxes` is the number of groupings (a distribution's category is the axis after them).
 */
export function takeOutSmallGroups(
  cells: SuppressionCell[],
  threshold: number,
  checkComplement: boolean,
  groupAxes: number,
  distribution: boolean,
): { cells: SuppressionCell[]; smallGroups: SmallGroups[] } {
  assertSuppressionThreshold(threshold);
  const categoryAxis = distribution ? groupAxes : undefined;
  const notes = Array.from({ length: groupAxes }, () => ({ merged: new Set<string>(), leftOut: new Set<string>() }));
  let table = cells;
  // Taking groups out along one grouping changes the margins along the others: repeat until none is small.
  for (let changed = true; changed; ) {
    changed = false;
    for (let axis = 0; axis < groupAxes; axis++) {
      const next = takeOutAlong(table, axis, threshold, checkComplement, categoryAxis, notes[axis]!);
      if (next !== table) {
        table = next;
        changed = true;
      }
    }
  }
  const smallGroups: SmallGroups[] = [];
  notes.forEach((n, axis) => {
    if (n.merged.size) smallGroups.push({ axis, values: [...n.merged].sort(), action: "merged" });
    if (n.leftOut.size) smallGroups.push({ axis, values: [...n.leftOut].sort(), action: "leftOut" });
  });
  return { cells: table, smallGroups };
}

/** One pass along one grouping; the same table when no group is small. */
function takeOutAlong(
  table: SuppressionCell[],
  axis: number,
  threshold: number,
  checkComplement: boolean,
  categoryAxis: number | undefined,
  note: { merged: Set<string>; leftOut: Set<string> },
): SuppressionCell[] {
  const byValue = new Map<string, SuppressionCell[]>();
  for (const c of table) {
    const v = c.coords[axis]!;
    const list = byValue.get(v);
    if (list) list.push(c);
    else byValue.set(v, [c]);
  }
  const smallValues = [...byValue.keys()].filter((v) => marginIsSmall(byValue.get(v)!, threshold, checkComplement, categoryAxis)).sort();
  if (smallValues.length === 0) return table;
  const taken = new Set(smallValues);
  const rest = table.filter((c) => !taken.has(c.coords[axis]!));
  let merged: SuppressionCell[] = [];
  if (smallValues.length >= 2) {
    const byRest = new Map<string, SuppressionCell>();
    // Cells sharing every other coordinate add up.
    for (const c of table) {
      if (!taken.has(c.coords[axis]!)) continue;
      const coords = c.coords.map((x, i) => (i === axis ? MERGED_GROUP : x));
      const key = coords.join(SEP_KEY);
      const m = byRest.get(key);
      if (m) {
        m.numerator += c.numerator;
        m.denominator += c.denominator;
      } else byRest.set(key, { coords, numerator: c.numerator, denominator: c.denominator, suppressed: false });
    }
    merged = [...byRest.values()];
    if (categoryAxis !== undefined) {
      // A merged group's denominator: its members' denominators added once each (not once per category).
      const groupDen = new Map<string, number>();
      const seen = new Set<string>();
      for (const c of table) {
        if (!taken.has(c.coords[axis]!)) continue;
        const member = c.coords.slice(0, categoryAxis).join(SEP_KEY);
        if (seen.has(member)) continue;
        seen.add(member);
        const key = c.coords.slice(0, categoryAxis).map((x, i) => (i === axis ? MERGED_GROUP : x)).join(SEP_KEY);
        groupDen.set(key, (groupDen.get(key) ?? 0) + c.denominator);
      }
      for (const m of merged) m.denominator = groupDen.get(m.coords.slice(0, categoryAxis).join(SEP_KEY))!;
    }
    if (marginIsSmall(merged, threshold, checkComplement, categoryAxis)) merged = [];
  }
  const values = smallValues.filter((v) => v !== MERGED_GROUP);
  if (merged.length) for (const v of values) note.merged.add(v);
  else {
    for (const v of values) note.leftOut.add(v);
    // A merged group taken out again: its members are left out too.
    if (taken.has(MERGED_GROUP)) {
      for (const v of note.merged) note.leftOut.add(v);
      note.merged.clear();
    }
  }
  return [...rest, ...merged];
}

/**
 * The lines of a table: cells sharing all coordinates but one, and the whole table. A line's sum
 * is a total someone can see (a table with one grouping fewer), unless that total is itself
 * small, when that table hides it.
 */
export function linesOf(cells: SuppressionCell[], unsummedAxis?: number): SuppressionCell[][] {
  if (cells.length === 0) return [];
  const axes = cells[0]!.coords.length;
  const lines: SuppressionCell[][] = unsummedAxis === undefined ? [cells] : [];
  for (let axis = 0; axis < axes; axis++) {
    if (axis === unsummedAxis) continue;
    const byRest = new Map<string, SuppressionCell[]>();
    for (const c of cells) {
      const key = c.coords.filter((_, i) => i !== axis).join(SEP_KEY);
      const line = byRest.get(key);
      if (line) line.push(c);
      else byRest.set(key, [c]);
    }
    for (const line of byRest.values()) lines.push(line);
  }
  return lines;
}

/** A modulus for exact rank computations: the equations' coefficients are 0 and 1. */
const PN = 67108859; // 2^26 − 5, prime: products stay below 2^53, exact in doubles
const mulmod = (a: number, b: number) => (a * b) % PN;
function inverse(a: number): number {
  let result = 1;
  let base = a % PN;
  for (let e = PN - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = mulmod(result, base);
    base = mulmod(base, base);
  }
  return result;
}

/**
 * The hidden cells whose value follows from the published figures: the shown cells and every
 * line total that is not itself small. Each such line is an equation in the hidden cells; a hidden
 * cell is determined when its unit vector lies in the equations' span (Gaussian elimination).
 * Numerators, denominators and complements obey the same equations, so one check covers all three.
 */
export function determinedHiddenCells(cells: SuppressionCell[], threshold: number, checkComplement: boolean, unsummedAxis?: number): Set<SuppressionCell> {
  const hidden = cells.filter((c) => c.suppressed);
  const index = new Map(hidden.map((c, i) => [c, i]));
  const n = hidden.length;
  const basis: Array<{ pivot: number; row: number[] }> = [];
  const reduce = (row: number[]) => {
    for (const b of basis) {
      const f = row[b.pivot]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) if (b.row[j] !== 0) row[j] = (row[j]! - mulmod(f, b.row[j]!) + PN) % PN;
    }
    return row;
  };
  for (const line of linesOf(cells, unsummedAxis)) {
    let numerator = 0;
    let denominator = 0;
    for (const c of line) {
      numerator += c.numerator;
      denominator += c.denominator;
    }
    // A small total is hidden by the table that would publish it; a total of one cell is that same
    // cell in the table with one grouping fewer, suppressed there by the same rules.
    if (line.length < 2 || isSmall({ numerator, denominator }, threshold, checkComplement)) continue;
    const row = new Array<number>(n).fill(0);
    let any = false;
    for (const c of line) {
      const i = index.get(c);
      if (i !== undefined) {
        row[i] = 1;
        any = true;
      }
    }
    if (!any) continue;
    reduce(row);
    const pivot = row.findIndex((x) => x !== 0);
    if (pivot === -1) continue;
    const inv = inverse(row[pivot]!);
    for (let j = 0; j < n; j++) row[j] = mulmod(row[j]!, inv);
    // Keep the basis reduced: clear the new pivot from the rows before it.
    for (const b of basis) {
      const f = b.row[pivot]!;
      if (f !== 0) for (let j = 0; j < n; j++) b.row[j] = (b.row[j]! - mulmod(f, row[j]!) + PN) % PN;
    }
    basis.push({ pivot, row });
  }
  const determined = new Set<SuppressionCell>();
  for (let i = 0; i < n; i++) {
    const unit = new Array<number>(n).fill(0);
    unit[i] = 1;
    if (reduce(unit).every((x) => x === 0)) determined.add(hidden[i]!);
  }
  return determined;
}

/**
 * The whole of it: small groups taken out (takeOutSmallGroups), then primary and secondary
 * suppression. When a small cell still follows from the totals with nothing left to hide beside
 * it (a table with empty cells can pin it down), the group of that cell with the smallest margin
 * is left out too, and it starts again. Returns the published cells (suppression marked) and the
 * groups taken out.
 */
export function protect(
  cells: SuppressionCell[],
  threshold: number,
  checkComplement: boolean,
  groupAxes: number,
  distribution: boolean,
  unsummedAxis?: number,
): { cells: SuppressionCell[]; smallGroups: SmallGroups[] } {
  const extra: SmallGroups[] = [];
  let table = cells;
  for (;;) {
    const taken = takeOutSmallGroups(table, threshold, checkComplement, groupAxes, distribution);
    const rows = taken.cells.map((c) => ({ ...c, suppressed: false as const }));
    const sorted = rows.map((r) => ({ r, key: r.coords.join(SEP_KEY) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => x.r);
    const exposed = suppress(sorted, threshold, checkComplement, unsummedAxis);
    if (exposed.length === 0 || groupAxes === 0) return { cells: sorted, smallGroups: mergeNotes([...extra, ...taken.smallGroups]) };
    // Leave out the exposed cell's group with the smallest margin, then start over from what was taken out.
    const cell = exposed[0]!;
    let best = -1;
    let bestMargin = Infinity;
    for (let axis = 0; axis < groupAxes; axis++) {
      let margin = 0;
      for (const c of taken.cells) if (c.coords[axis] === cell.coords[axis]) margin += c.denominator;
      if (margin < bestMargin) {
        bestMargin = margin;
        best = axis;
      }
    }
    const value = cell.coords[best]!;
    extra.push({ axis: best, values: value === MERGED_GROUP ? (taken.smallGroups.find((s) => s.axis === best && s.action === "merged")?.values ?? []) : [value], action: "leftOut" });
    for (const s of taken.smallGroups) extra.push(s);
    table = taken.cells.filter((c) => c.coords[best] !== value);
  }
}

/** One note per grouping and action; merged groups later left out counted as left out. */
function mergeNotes(notes: SmallGroups[]): SmallGroups[] {
  const by = new Map<string, SmallGroups>();
  for (const n of notes) {
    const key = `${n.axis}:${n.action}`;
    const m = by.get(key);
    if (m) m.values = [...new Set([...m.values, ...n.values])].sort();
    else by.set(key, { ...n, values: [...n.values].sort() });
  }
  const out = [...by.values()];
  for (const n of out) {
    if (n.action !== "merged") continue;
    const left = out.find((o) => o.axis === n.axis && o.action === "leftOut");
    if (left) n.values = n.values.filter((v) => !left.values.includes(v));
  }
  return out.filter((n) => n.values.length > 0).sort((a, b) => a.axis - b.axis || (a.action < b.action ? -1 : 1));
}
