import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { applyEdgeChanges, edgeKey, findCycle, type Edge } from "@/lib/domain/graph";

const keys = (edges: readonly Edge[]) => new Set(edges.map(edgeKey));

/** every consecutive pair of the cycle, and last → first, is an edge; no task appears twice */
function expectRealCycle(cycle: string[] | null, edges: readonly Edge[]): asserts cycle is string[] {
  expect(cycle).not.toBeNull();
  const existing = keys(edges);
  const ids = cycle!;
  expect(ids.length).toBeGreaterThanOrEqual(1);
  expect(new Set(ids).size).toBe(ids.length);
  for (const [i, id] of ids.entries()) {
    const next = ids[(i + 1) % ids.length]!;
    expect(existing.has(edgeKey([id, next])), `${id} → ${next}`).toBe(true);
  }
}

describe("edge keys", () => {
  it("tell edges apart whatever the ids contain", () => {
    expect(edgeKey(["a", "b"])).toBe(edgeKey(["a", "b"]));
    expect(edgeKey(["a", "b"])).not.toBe(edgeKey(["b", "a"]));
    expect(edgeKey(["a:b", "c"])).not.toBe(edgeKey(["a", "b:c"]));
    expect(edgeKey(['a","b', "c"])).not.toBe(edgeKey(["a", 'b","c']));
  });
});

describe("findCycle", () => {
  it("finds nothing in an empty graph", () => {
    expect(findCycle([])).toBeNull();
  });

  it("finds a self edge", () => {
    expect(findCycle([["a", "a"]])).toEqual(["a"]);
  });

  it("finds a two-task cycle", () => {
    const edges: Edge[] = [
      ["a", "b"],
      ["b", "a"],
    ];
    expect(findCycle(edges)).toEqual(["a", "b"]);
  });

  it("finds a cycle that hangs off an acyclic part, without the acyclic part", () => {
    const edges: Edge[] = [
      ["x", "a"],
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
      ["c", "y"],
    ];
    const cycle = findCycle(edges);
    expectRealCycle(cycle, edges);
    expect([...cycle].sort()).toEqual(["a", "b", "c"]);
  });

  it("sees a diamond as acyclic", () => {
    expect(
      findCycle([
        ["a", "b"],
        ["a", "c"],
        ["b", "d"],
        ["c", "d"],
      ]),
    ).toBeNull();
  });

  it("handles a chain of 10,000 edges without overflowing the stack", () => {
    const chain: Edge[] = Array.from({ length: 10_000 }, (_, i) => [`t${i}`, `t${i + 1}`] as const);
    expect(findCycle(chain)).toBeNull();
    // listed backwards, so that the search meets the long path from its far end too
    expect(findCycle([...chain].reverse())).toBeNull();

    const closed: Edge[] = [...chain, ["t10000", "t0"]];
    const cycle = findCycle(closed);
    expectRealCycle(cycle, closed);
    expect(cycle.length).toBe(10_001);
  });
});

describe("applyEdgeChanges", () => {
  const edges: Edge[] = [
    ["a", "b"],
    ["b", "c"],
  ];

  it("removes, then adds", () => {
    expect(applyEdgeChanges(edges, { add: [["c", "d"]], remove: [["a", "b"]] })).toEqual([
      ["b", "c"],
      ["c", "d"],
    ]);
    // removing and adding the same edge keeps it
    expect(keys(applyEdgeChanges(edges, { add: [["a", "b"]], remove: [["a", "b"]] }))).toEqual(keys(edges));
  });

  it("changes nothing for an edge that exists or one that does not", () => {
    expect(applyEdgeChanges(edges, { add: [["a", "b"]] })).toEqual(edges);
    expect(applyEdgeChanges(edges, { remove: [["c", "a"]] })).toEqual(edges);
    expect(applyEdgeChanges(edges, {})).toEqual(edges);
  });

  it("is idempotent and leaves no duplicates", () => {
    const change = {
      add: [
        ["c", "d"],
        ["c", "d"],
        ["a", "c"],
      ] as Edge[],
      remove: [["b", "c"]] as Edge[],
    };
    const once = applyEdgeChanges([...edges, ["a", "b"]], change);
    expect(once).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["a", "c"],
    ]);
    expect(applyEdgeChanges(once, change)).toEqual(once);
  });

  it("does not change its input", () => {
    const input: Edge[] = [["a", "b"]];
    applyEdgeChanges(input, { add: [["b", "c"]], remove: [["a", "b"]] });
    expect(input).toEqual([["a", "b"]]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on random graphs of tasks t0…t(n-1)
// ---------------------------------------------------------------------------------------------

/** a random DAG: edges only go from a lower index to a higher one, listed in random order */
const dagArb = fc.integer({ min: 2, max: 30 }).chain((n) =>
  fc
    .uniqueArray(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a < b),
      { selector: ([a, b]) => `${a} ${b}`, maxLength: 80 },
    )
    .chain((pairs) => fc.shuffledSubarray(pairs, { minLength: pairs.length }))
    .map((pairs) => pairs.map(([a, b]) => [`t${a}`, `t${b}`] as Edge)),
);

describe("properties of the dependency graph", () => {
  it("a DAG has no cycle, and a back edge along an existing path closes one", () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), fc.array(fc.nat(), { maxLength: 30 }), (edges, firstPick, walkPicks) => {
        expect(findCycle(edges)).toBeNull();
        if (edges.length === 0) return;

        // walk a path along existing edges from a random edge
        const first = edges[firstPick % edges.length]!;
        const path = [first[0], first[1]];
        for (const pick of walkPicks) {
          const onward = edges.filter(([from]) => from === path.at(-1));
          if (onward.length === 0) break;
          path.push(onward[pick % onward.length]![1]);
        }
        const backEdge: Edge = [path.at(-1)!, path[0]!];
        const withBackEdge = applyEdgeChanges(edges, { add: [backEdge] });

        const cycle = findCycle(withBackEdge);
        expectRealCycle(cycle, withBackEdge);
        // the graph was acyclic before, so any cycle runs through the new edge
        const pairs = cycle.map((id, i) => edgeKey([id, cycle[(i + 1) % cycle.length]!]));
        expect(pairs).toContain(edgeKey(backEdge));
      }),
      { numRuns: 300 },
    );
  });

  it("finds a real cycle in any graph that has one, and none in any that has not", () => {
    // reference: a graph is acyclic iff repeatedly removing tasks with no previous task empties it
    const acyclicByPeeling = (edges: readonly Edge[]) => {
      let remaining = [...edges];
      for (;;) {
        const hasPrevious = new Set(remaining.map(([, next]) => next));
        const kept = remaining.filter(([previous]) => hasPrevious.has(previous));
        if (kept.length === remaining.length) return kept.length === 0;
        remaining = kept;
      }
    };
    const anyGraphArb = fc.array(
      fc.tuple(fc.nat(7), fc.nat(7)).map(([a, b]) => [`t${a}`, `t${b}`] as Edge),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(anyGraphArb, (edges) => {
        const cycle = findCycle(edges);
        if (acyclicByPeeling(edges)) expect(cycle).toBeNull();
        else expectRealCycle(cycle, edges);
      }),
      { numRuns: 1000 },
    );
  });

  it("applyEdgeChanges is set difference then union", () => {
    const edgeArb = fc.tuple(fc.nat(5), fc.nat(5)).map(([a, b]) => [`t${a}`, `t${b}`] as Edge);
    fc.assert(
      fc.property(fc.array(edgeArb), fc.array(edgeArb), fc.array(edgeArb), (edges, add, remove) => {
        const result = applyEdgeChanges(edges, { add, remove });
        const expected = new Set([...keys(edges)].filter((k) => !keys(remove).has(k)));
        for (const k of keys(add)) expected.add(k);
        expect(keys(result)).toEqual(expected);
        expect(result.length).toBe(expected.size);
        // applying it again gives the same set (an edge both removed and added may move to the end)
        expect(keys(applyEdgeChanges(result, { add, remove }))).toEqual(keys(result));
      }),
    );
  });
});
