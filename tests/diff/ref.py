"""ref.py: an independent reference for keten owners / owned / paths, written from
docs/ownership.md (not from keten's code), in exact rational arithmetic (fractions).

Definitions used (docs/ownership.md, "What is computed"):
- relations: owns (capital share, votes = share unless given; unknown share: 0-100), controls;
  self-loops ignored; declared owns: control and paths only, never in integrated sums.
- integrated interest: the walk sum, sum over every walk of the product of the shares, lower
  bounds with each min (unknown 0), upper with each max (unknown 100).  Infinite when the
  series diverges.  Here: per strongly connected component of the positive relations, solve
  (I - W_C) u = b exactly (Gauss-Jordan with pivoting); the series converges exactly when the
  system has a strictly positive solution (b >= 0, b != 0, W_C irreducible: subinvariance
  theorem); otherwise every member is infinite.
- display rule: an entity on no ownership cycle (owners; for owned: a source on no cycle)
  shows at most 100.
- control: least relation closed under: controls relation; declared owns with votes above
  the threshold; transitivity; votes held by A and the entities A controls above the
  threshold.  Words yes (min votes) / may (max votes only) / no.
- ultimate controllers, beneficial owners, state influence, paths: as documented.
"""
import json
from fractions import Fraction

INF = float("inf")


def parse(text):
    ents, rels = {}, []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        o = json.loads(line, parse_float=Fraction, parse_int=Fraction)
        if "keten" in o:
            continue
        if "rel" in o:
            o["line"] = lineno
            rels.append(o)
        else:
            ents[o["id"]] = o
    for r in rels:
        for end in ("from", "to"):
            ents.setdefault(r[end], {"id": r[end], "type": "company"})
    return ents, rels


def ival(v):
    """A share value as (min, max) Fractions, or None when unknown."""
    if v is None:
        return None
    if isinstance(v, dict):
        return Fraction(v["min"]), Fraction(v["max"])
    return Fraction(v), Fraction(v)


class Graph:
    def __init__(self, text):
        self.ents, rels = parse(text)
        self.rels = []
        for r in rels:
            if r["from"] == r["to"]:
                continue  # self-loops are ignored
            if r["rel"] not in ("owns", "controls"):
                continue
            sh = ival(r.get("share"))
            vo = ival(r["votes"]) if "votes" in r else sh
            self.rels.append({"from": r["from"], "to": r["to"], "type": r["rel"], "share": sh, "votes": vo,
                              "declared": bool(r.get("declared")), "line": r["line"]})

    def capital(self, r):
        return r["type"] == "owns" and not r["declared"]

    def stateish(self, x):
        e = self.ents[x]
        return e.get("type") == "state" or bool(e.get("state_owned"))

    # ---- reachability ----
    def reach(self, start, down):
        seen, stack = {start}, [start]
        while stack:
            x = stack.pop()
            for r in self.rels:
                a, b = (r["from"], r["to"]) if down else (r["to"], r["from"])
                if a == x and b not in seen:
                    seen.add(b)
                    stack.append(b)
        return seen


def bound(r, key, hi):
    iv = r[key]
    if iv is None:
        return Fraction(1) if hi else Fraction(0)
    return (iv[1] if hi else iv[0]) / 100


def sccs(nodes, edges):
    """Strongly connected components (Tarjan, recursive: the graphs are small), in reverse
    topological order of the edge direction (a component after those it reaches)."""
    index, low, on, stack, out = {}, {}, set(), [], []
    adj = {x: [] for x in nodes}
    for a, b in edges:
        adj[a].append(b)
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in adj[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def solve_exact(a, b):
    """Solve a x = b (lists of Fractions) by Gauss-Jordan with pivoting; None if singular."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = next((r for r in range(c, n) if m[r][c] != 0), None)
        if p is None:
            return None
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def walk_sums(g, nodes, subject, key, hi, down):
    """u[x] for x in nodes: the walk sum from x to subject (owners) or from subject to x
    (owned), as Fractions or INF."""
    # w[x][y]: the weight of x's step towards the subject's side: owners: x owns y
    w = {}
    for r in g.rels:
        if not g.capital(r) or r["from"] not in nodes or r["to"] not in nodes:
            continue
        a = bound(r, key, hi)
        if a == 0:
            continue
        x, y = (r["to"], r["from"]) if down else (r["from"], r["to"])
        w.setdefault(x, {}).setdefault(y, Fraction(0))
        w[x][y] += a
    edges = [(x, y) for x in w for y in w[x]]
    u = {}
    # components in an order where each comes after the ones it points to (towards subject)
    for comp in sccs(nodes, edges):
        cs = set(comp)
        rhs = {}
        for x in comp:
            s = Fraction(1) if x == subject else Fraction(0)
            for y, a in w.get(x, {}).items():
                if y not in cs:
                    s = INF if u[y] == INF or s == INF else s + a * u[y]
            rhs[x] = s
        if any(v == INF for v in rhs.values()):
            for x in comp:
                u[x] = INF if len(comp) > 1 or rhs[x] == INF else rhs[x]
            continue
        if len(comp) == 1:
            u[comp[0]] = rhs[comp[0]]
            continue
        if all(v == 0 for v in rhs.values()):
            for x in comp:
                u[x] = Fraction(0)
            continue
        idx = {x: i for i, x in enumerate(comp)}
        mat = [[Fraction(1) if i == j else Fraction(0) for j in range(len(comp))] for i in range(len(comp))]
        for x in comp:
            for y, a in w.get(x, {}).items():
                if y in cs:
                    mat[idx[x]][idx[y]] -= a
        sol = solve_exact(mat, [rhs[x] for x in comp])
        if sol is None or any(v <= 0 for v in sol):
            for x in comp:
                u[x] = INF
        else:
            for x in comp:
                u[x] = sol[idx[x]]
    return u


def cycles(g, nodes, subject):
    """x -> 0 (on no cycle), 1 (on one), 3 (on the subject's), over the owns relations that
    may hold a share (max above 0 or unknown)."""
    edges = []
    for r in g.rels:
        if g.capital(r) and r["from"] in nodes and r["to"] in nodes and bound(r, "share", True) > 0:
            edges.append((r["from"], r["to"]))
    out = {x: 0 for x in nodes}
    for comp in sccs(nodes, edges):
        if len(comp) > 1:
            for x in comp:
                out[x] = 3 if subject in comp else 1
    return out


def control(g, thr, hi):
    """The control relation: set of (a, b), iterated from nothing to the least fixed point."""
    thr = Fraction(thr)
    holders = {b: [] for b in g.ents}
    for r in g.rels:
        if g.capital(r):
            holders[r["to"]].append((r["from"], bound(r, "votes", hi) * 100))
    ctrl = set()
    for r in g.rels:
        if r["type"] == "controls" or (r["declared"] and bound(r, "votes", hi) * 100 > thr):
            ctrl.add((r["from"], r["to"]))
    while True:
        by = {}  # b -> the entities that control b
        for a, b in ctrl:
            by.setdefault(b, set()).add(a)
        new = set()
        for b in g.ents:
            # transitivity: whoever controls a controller of b
            for c in by.get(b, ()):
                for a in by.get(c, ()):
                    if a != b:
                        new.add((a, b))
            # majority aggregation: each holder's votes count for it and for its controllers
            acc = {}
            for h, v in holders[b]:
                if h == b:
                    continue
                for a in {h} | by.get(h, set()):
                    acc[a] = acc.get(a, Fraction(0)) + v
            for a, v in acc.items():
                if a != b and v > thr:
                    new.add((a, b))
        if new <= ctrl:
            return ctrl
        ctrl |= new


def owners(text, target, control_thr=50, bo=25, bo_gt=False, down=False):
    g = Graph(text)
    nodes = g.reach(target, down)
    parties = sorted(nodes - {target})
    u = {}
    for k, key, hi in (("cmin", "share", False), ("cmax", "share", True), ("vmin", "votes", False),
                       ("vmax", "votes", True)):
        u[k] = walk_sums(g, nodes, target, key, hi, down)
    cyc = cycles(g, nodes, target)
    # status: walks with known shares / with an unknown share
    known, unk = reach_status(g, nodes, target, down)
    lo, hi_ = control(g, control_thr, False), control(g, control_thr, True)
    res = {"parties": {}}
    thr_bo = Fraction(bo)

    def shown(x, v):
        c = cyc[target] if down else cyc[x]
        if not c and v != INF and v > 1:
            return Fraction(1) * 100
        if not c and v == INF:
            return Fraction(100)
        return INF if v == INF else v * 100

    for x in parties:
        p = {}
        for k in u:
            p[k] = shown(x, u[k][x])
        if down:
            p["cycle"] = "no" if not cyc[target] else "with_source" if cyc[x] == 3 else "yes"
        else:
            p["cycle"] = "no" if not cyc[x] else "with_target" if cyc[x] == 3 else "yes"
        kn, uk = x in known, x in unk
        p["status"] = "partial" if kn and uk else "known" if kn else "unknown" if uk else "none"
        pair = (target, x) if down else (x, target)
        p["control"] = "yes" if pair in lo else "may" if pair in hi_ else "no"
        res["parties"][x] = p
    if down:
        return res

    def reaches(v):
        if v == INF:
            return True
        return v > thr_bo if bo_gt else v >= thr_bo

    def near(v):
        return v != INF and v != thr_bo and abs(v - thr_bo) < Fraction(1, 10 ** 8)

    for mode, rel in (("yes", lo), ("may", hi_)):
        c = {x for x in parties if (x, target) in rel}
        top = {x for x in c if all((x, y) in rel for (y, z) in rel if z == x and y != x)}
        res["ultimate_" + mode] = sorted(top)
        stat = {x for x in parties if g.stateish(x) or any(g.stateish(s) and (s, x) in rel for s in g.ents)}
        res["state_" + mode] = sorted(stat)
        res["target_state_" + mode] = g.stateish(target) or any(g.stateish(s) and (s, target) in rel for s in g.ents)
    bo_yes, bo_may, bo_near = [], [], []
    for x in parties:
        if g.ents[x].get("type") != "person":
            continue
        p = res["parties"][x]
        if reaches(p["cmin"]) or reaches(p["vmin"]) or p["control"] == "yes":
            bo_yes.append(x)
        elif reaches(p["cmax"]) or reaches(p["vmax"]) or p["control"] == "may":
            bo_may.append(x)
        if any(near(p[k]) for k in ("cmin", "cmax", "vmin", "vmax")):
            bo_near.append(x)
    res["bo_yes"], res["bo_may"], res["bo_near"] = bo_yes, bo_may, bo_near
    return res


def reach_status(g, nodes, subject, down):
    """Entities with a walk of known shares / a walk with an unknown share to the subject."""
    cap = [r for r in g.rels if g.capital(r) and r["from"] in nodes and r["to"] in nodes]

    def ends(r):
        return (r["to"], r["from"]) if down else (r["from"], r["to"])  # (near, far): near steps to far

    def closure(start, ok):
        seen, stack = set(start), list(start)
        while stack:
            y = stack.pop()
            for r in cap:
                x, z = ends(r)
                if z == y and ok(r) and x not in seen:
                    seen.add(x)
                    stack.append(x)
        return seen

    anywalk = closure({subject}, lambda r: True)
    known = closure({subject}, lambda r: r["share"] is not None) - {subject}
    seeds = {ends(r)[0] for r in cap if r["share"] is None and ends(r)[1] in anywalk}
    unk = closure(seeds, lambda r: True)
    return known, unk


def paths(text, frm, to, max_paths):
    """Every simple path from frm to to, in the documented order; (first max_paths, total)."""
    g = Graph(text)
    if frm == to:
        return [], 0  # a path has at least one step
    out_of = {}
    for i, r in enumerate(g.rels):
        out_of.setdefault(r["from"], []).append(r)
    found = []
    limit = 200000
    stack = [(frm, [], {frm})]
    while stack:
        x, p, on = stack.pop()
        if x == to:
            found.append(p)
            if len(found) > limit:
                return None, None
            continue
        for r in out_of.get(x, []):
            if r["to"] not in on:
                stack.append((r["to"], p + [r], on | {r["to"]}))

    def weak(r):
        if r["type"] != "owns" or r["declared"]:
            return True
        return r["share"] is None or r["share"][0] == 0

    def key(p):
        w = sum(1 for r in p if weak(r))
        prod = Fraction(1)
        for r in p:
            if not weak(r):
                prod *= r["share"][0] / 100
        tie = [(r["from"].encode(), r["line"]) for r in reversed(p)]
        return (w, -prod, len(p), tie)

    found.sort(key=key)
    res = []
    for p in found[:max_paths]:
        lo = hi = Fraction(1)
        for r in p:
            iv = r["share"] if r["type"] == "owns" and r["share"] is not None else (Fraction(0), Fraction(100))
            lo *= iv[0] / 100
            hi *= iv[1] / 100
        res.append({"lines": [r["line"] for r in p], "weak": key(p)[0], "product": (lo * 100, hi * 100)})
    return res, len(found)
