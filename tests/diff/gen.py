"""gen.py: seeded random small ownership graphs for the differential test (tests/diff/README.md).

generate(seed) -> (lines, queries): the native JSON Lines of one graph (5-40 entities: persons,
states, state-owned and other companies; owns relations with exact decimal shares, ranges,
unknown shares, separate votes, declared summaries; controls relations; self-loops;
cross-holdings; planted decimal pairs that add up to exactly 50 or 25 through controlled
holdings), and the queries to ask: ("owners", target, options), ("owned", source, options),
("paths", from, to, options).  The owners of each company hold at most 100% of its capital
and of its votes (lower bounds), as keten requires.
"""
import json
import random
from fractions import Fraction

PAIRS = [("49.9", "0.1"), ("20.2", "4.8"), ("12.5", "12.5"), ("33.3", "16.7"), ("0.3", "24.7"),
         ("25.1", "24.9"), ("10.05", "14.95")]


def dec(rng, lo, hi):
    """A decimal share with at most two decimals, as a string."""
    v = rng.randint(int(lo * 100), int(hi * 100))
    s = "%d.%02d" % (v // 100, v % 100)
    return s.rstrip("0").rstrip(".")


def generate(seed):
    rng = random.Random(seed)
    n = rng.randint(5, 40 if rng.random() < 0.3 else 14)
    ents = []
    for i in range(n):
        r = rng.random()
        kind = "person" if r < 0.25 else "state" if r < 0.3 else "company"
        e = {"id": "%s%d" % ({"person": "p", "state": "s", "company": "c"}[kind], i), "type": kind}
        if kind == "company" and rng.random() < 0.12:
            e["state_owned"] = True
        ents.append(e)
    companies = [e["id"] for e in ents if e["type"] == "company"]
    if len(companies) < 2:
        ents.append({"id": "c%d" % n, "type": "company"})
        ents.append({"id": "c%d" % (n + 1), "type": "company"})
        companies = [e["id"] for e in ents if e["type"] == "company"]
    ids = [e["id"] for e in ents]
    cap = {c: Fraction(100) for c in companies}    # capital left to hand out (lower bounds)
    vcap = {c: Fraction(100) for c in companies}   # votes left
    rels = []

    def share_value(to, allow_unknown=True):
        """A share for a new holding in `to`: (json value or None, min as Fraction)."""
        left = cap[to]
        r = rng.random()
        if allow_unknown and r < 0.12:
            return None, Fraction(0)
        if r < 0.3 and left > 1:
            lo = Fraction(dec(rng, 0, float(min(left, 60))))
            hi = lo + Fraction(dec(rng, 0, float(100 - lo)))
            return {"min": float(lo) if lo.denominator > 1 else int(lo),
                    "max": float(hi) if hi.denominator > 1 else int(hi)}, lo
        if left <= 0:
            return 0, Fraction(0)
        pick = rng.random()
        if pick < 0.25 and left >= 50:
            v = Fraction(rng.choice(["50", "51", "60", "90", "100"]))
            v = min(v, left)
        else:
            v = Fraction(dec(rng, 0, float(min(left, 70))))
        return v, v

    def add_owns(frm, to, declared=False, allow_unknown=True):
        val, lo = share_value(to, allow_unknown)
        rel = {"rel": "owns", "from": frm, "to": to}
        if val is not None:
            rel["share"] = val if isinstance(val, dict) else num(val)
        if not declared:  # self-loops count in keten's 100% check too
            cap[to] -= lo
        vmin = lo
        if rng.random() < 0.15 and not declared:
            # separate votes
            left = vcap[to]
            if left > 0:
                v = Fraction(dec(rng, 0, float(min(left, 80))))
                rel["votes"] = num(v)
                vmin = v
        if not declared and "votes" not in rel and vmin > vcap[to]:
            rel["votes"] = 0  # the votes left are fewer than the capital share
            vmin = Fraction(0)
        if not declared:
            vcap[to] -= vmin
        if declared:
            rel["declared"] = True
        rels.append(rel)

    m = rng.randint(n, 2 * n + 4)
    for _ in range(m):
        r = rng.random()
        to = rng.choice(companies)
        if r < 0.08:
            frm = rng.choice(ids)
            rels.append({"rel": "controls", "from": frm, "to": to,
                         "basis": rng.choice(["board", "golden_share", "contract"])})
        elif r < 0.13:
            add_owns(rng.choice(ids), to, declared=True)
        elif r < 0.16:
            add_owns(to, to)  # a self-loop (treasury shares): ignored
        else:
            # owners: persons, states, companies (cross-holdings among companies)
            frm = rng.choice(ids)
            if frm == to:
                continue
            add_owns(frm, to)
    planted = []
    # planted cross-holdings: two companies holding most (or all: a closed loop) of each other
    if rng.random() < 0.25:
        a, b = rng.sample(companies, 2)
        v = rng.choice([Fraction(90), Fraction(100), Fraction("99.5"), Fraction(50)])
        if cap[a] >= v and cap[b] >= v and vcap[a] >= v and vcap[b] >= v:
            rels.append({"rel": "owns", "from": a, "to": b, "share": num(v)})
            rels.append({"rel": "owns", "from": b, "to": a, "share": num(v)})
            for c in (a, b):
                cap[c] -= v
                vcap[c] -= v
            planted.append(a)
    # planted pairs: H controls two holdings K1, K2 that hold a and b of T (a + b = 50 or 25)
    for _ in range(rng.randint(0, 2)):
        if len(companies) < 4:
            break
        a, b = rng.choice(PAIRS)
        t, k1, k2 = rng.sample(companies, 3)
        h = rng.choice(ids)
        if h in (t, k1, k2) or min(cap[t], vcap[t]) < Fraction(a) + Fraction(b):
            continue
        for k in (k1, k2):
            if cap[k] >= 60 and vcap[k] >= 60:
                rels.append({"rel": "owns", "from": h, "to": k, "share": 60})
                cap[k] -= 60
                vcap[k] -= 60
        planted.append(t)
        for k, v in ((k1, a), (k2, b)):
            if vcap[t] >= Fraction(v):
                rels.append({"rel": "owns", "from": k, "to": t, "share": num(Fraction(v))})
                cap[t] -= Fraction(v)
                vcap[t] -= Fraction(v)
        # and a person with the pair directly and through a 100% holding: a + b exactly
        p = [e["id"] for e in ents if e["type"] == "person"]
        if p and rng.random() < 0.5:
            t2 = rng.choice(companies)
            k3 = rng.choice(companies)
            if t2 != k3 and min(cap[t2], vcap[t2]) >= Fraction(a) + Fraction(b) and min(cap[k3], vcap[k3]) >= 100:
                planted.append(t2)
                rels.append({"rel": "owns", "from": p[0], "to": t2, "share": num(Fraction(a))})
                rels.append({"rel": "owns", "from": p[0], "to": k3, "share": 100})
                rels.append({"rel": "owns", "from": k3, "to": t2, "share": num(Fraction(b))})
                cap[t2] -= Fraction(a) + Fraction(b)
                vcap[t2] -= Fraction(a) + Fraction(b)
                cap[k3] -= 100
                vcap[k3] -= 100
    lines = [json.dumps({"keten": "1"})]
    lines += [json.dumps(e, sort_keys=True) for e in ents]
    lines += [json.dumps(r, sort_keys=True) for r in rels]
    # queries
    opts = []
    for _ in range(2):
        o = []
        if rng.random() < 0.3:
            o += ["--control", rng.choice(["30", "40", "49.9"])]
        if rng.random() < 0.3:
            o += ["--bo", rng.choice(["10", "20", "25.5"])]
        opts.append(o)
    q = []
    targets = rng.sample(companies, min(2, len(companies)))
    if planted:
        targets[0] = rng.choice(planted)
    q.append(("owners", targets[0], opts[0] + ["--bo-rule", "ge"]))
    q.append(("owners", targets[-1], opts[1] + ["--bo-rule", "gt"]))
    q.append(("owned", rng.choice(ids), opts[0]))
    frm, to = rng.choice(ids), rng.choice(companies)
    q.append(("paths", frm, to, ["--max-paths", rng.choice(["3", "10", "100"])]))
    return lines, q


def num(v):
    """A Fraction with a finite decimal expansion as a JSON number (int or float)."""
    v = Fraction(v)
    if v.denominator == 1:
        return int(v)
    return float(v)


if __name__ == "__main__":
    import sys
    lines, q = generate(int(sys.argv[1]))
    print("\n".join(lines))
    for x in q:
        print("#", json.dumps(x), file=sys.stderr)
