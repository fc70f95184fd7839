"""run.py: the differential test: keten owners / owned / paths against ref.py on seeded random
graphs (gen.py) and on every regression case kept in tests/diff/regress/.

Usage: python3 tests/diff/run.py KETEN [--count N] [--start S] [--keep]
  --count N  random graphs (seeds S .. S+N-1; default 300 from 1)
  --keep     write each mismatching graph to tests/diff/regress/seed-S.jsonl (with its queries)
Prints one line per mismatch and ends with "diff: N graphs, M queries, K mismatches";
exit status 1 when there was a mismatch.

Compared: interests (capital and votes, both bounds) within 1e-6 percentage points (relative
for values above 1); everything else exactly: cycle, integrated_status, control, the ultimate
controllers, beneficial owners (ge and gt), state influence, the "possible" sets, the target's
state influence, the set and order of paths with their weak steps, products and cut, and the
strongest path of (up to six of) the owners.
A person whose exact interest lies within 1e-8 points of the --bo threshold without being it
is left out of the beneficial-owner comparison (keten's tolerance is 1e-9: the reference's
exact comparison and keten's may then legitimately differ).
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import ref  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def close(a, b):
    """keten's number (None = infinite) against the reference's (Fraction or INF)."""
    if b == ref.INF or a is None:
        return a is None and b == ref.INF
    b = float(b)
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def opt(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def check(keten, path, text, q, report):
    """Run one query and compare; report(msg) for each difference."""
    kind = q[0]
    if kind == "paths":
        _, frm, to, args = q
        cmd = [keten, "paths", "--json"] + args + [frm, to, path]
    else:
        _, subject, args = q
        cmd = [keten, kind, "--json"] + args + [subject, path]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        report("%s: exit %d: %s" % (" ".join(cmd[1:-1]), p.returncode, p.stderr.strip()[:200]))
        return
    d = json.loads(p.stdout)
    if kind == "paths":
        k = int(opt(args, "--max-paths", "100"))
        want, total = ref.paths(text, frm, to, k)
        if want is None:
            return  # too many paths to enumerate
        got = [[int(e["source"].split(":")[1].split()[0]) for e in x["evidence"]] for x in d["paths"]]
        if got != [w["lines"] for w in want]:
            report("paths %s %s: order %s, want %s" % (frm, to, got[:6], [w["lines"] for w in want][:6]))
            return
        for x, w in zip(d["paths"], want):
            if x["weak_steps"] != w["weak"] or not close(x["product"]["min"], w["product"][0]) or \
                    not close(x["product"]["max"], w["product"][1]):
                report("paths %s %s: path %s: weak %s product %s, want %s %s" % (
                    frm, to, w["lines"], x["weak_steps"], x["product"], w["weak"],
                    [float(v) for v in w["product"]]))
        if d["cut"]["max_paths"] != (total > k):
            report("paths %s %s: cut %s, %d paths in all" % (frm, to, d["cut"], total))
        return
    down = kind == "owned"
    thr = opt(args, "--control", "50")
    bo = opt(args, "--bo", "25")
    gt = opt(args, "--bo-rule", "ge") == "gt"
    want = ref.owners(text, subject, ref.Fraction(thr), ref.Fraction(bo), gt, down)
    items = d["owned" if down else "owners"]
    got = {x["id"]: x for x in items}
    tag = "%s %s %s" % (kind, subject, " ".join(args))
    if set(got) != set(want["parties"]):
        report("%s: parties %s, want %s" % (tag, sorted(got), sorted(want["parties"])))
        return
    for x, w in sorted(want["parties"].items()):
        o = got[x]
        for field, lo, hi in (("integrated", "cmin", "cmax"), ("integrated_votes", "vmin", "vmax")):
            if not close(o[field]["min"], w[lo]) or not close(o[field]["max"], w[hi]):
                report("%s: %s %s %s, want [%s, %s]" % (tag, x, field, o[field], fmt(w[lo]), fmt(w[hi])))
        for field, key in (("cycle", "cycle"), ("integrated_status", "status"), ("control", "control")):
            if o.get(field) != w[key]:
                report("%s: %s %s %s, want %s" % (tag, x, field, o.get(field), w[key]))
    if down:
        return
    # each owner's strongest path is the first path of `keten paths OWNER TARGET`
    for x in sorted(want["parties"])[:6]:
        first, _ = ref.paths(text, x, subject, 1)
        if first is None:
            continue
        lines = [int(e["source"].split(":")[1].split()[0]) for e in got[x]["evidence"]]
        if lines != first[0]["lines"]:
            report("%s: %s strongest path %s, want %s" % (tag, x, lines, first[0]["lines"]))
    near = set(want["bo_near"])
    lists = (("ultimate_controllers", want["ultimate_yes"]),
             ("possible_ultimate_controllers", want["ultimate_may"]),
             ("beneficial_owners", want["bo_yes"]),
             ("possible_beneficial_owners", want["bo_may"]),
             ("state_influence", want["state_yes"]),
             ("possible_state_influence", sorted(set(want["state_may"]) - set(want["state_yes"]))))
    for field, w in lists:
        g = d[field]
        if "beneficial" in field:
            g = [x for x in g if x not in near]
            w = [x for x in w if x not in near]
        if g != w:
            report("%s: %s %s, want %s" % (tag, field, g, w))
    if d["target_state_influence"] != want["target_state_yes"]:
        report("%s: target_state_influence %s" % (tag, d["target_state_influence"]))


def fmt(v):
    return "inf" if v == ref.INF else "%.9g" % float(v)


def cases(args):
    """(name, text, queries) for the regression cases, then the random graphs."""
    rdir = os.path.join(HERE, "regress")
    for f in sorted(os.listdir(rdir)) if os.path.isdir(rdir) else []:
        if f.endswith(".jsonl"):
            text = open(os.path.join(rdir, f)).read()
            qs = [json.loads(line[2:]) for line in text.splitlines() if line.startswith("# ")]
            body = "\n".join(line for line in text.splitlines() if not line.startswith("#")) + "\n"
            yield "regress/" + f, body, qs, None
    start, count = args["start"], args["count"]
    for seed in range(start, start + count):
        lines, qs = gen.generate(seed)
        yield "seed %d" % seed, "\n".join(lines) + "\n", qs, seed


def main():
    argv = sys.argv[1:]
    if not argv:
        print(__doc__)
        return 2
    keten = os.path.abspath(argv[0])
    args = {"count": 300, "start": 1, "keep": False}
    i = 1
    while i < len(argv):
        if argv[i] == "--count":
            args["count"] = int(argv[i + 1])
            i += 1
        elif argv[i] == "--start":
            args["start"] = int(argv[i + 1])
            i += 1
        elif argv[i] == "--keep":
            args["keep"] = True
        i += 1
    graphs = queries = bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "g.jsonl")
        for name, text, qs, seed in cases(args):
            graphs += 1
            with open(path, "w") as f:
                f.write(text)
            msgs = []
            for q in qs:
                queries += 1
                check(keten, path, text, q, msgs.append)
            for m in msgs:
                print("%s: %s" % (name, m))
            bad += len(msgs)
            if msgs and args["keep"] and seed is not None:
                out = os.path.join(HERE, "regress", "seed-%d.jsonl" % seed)
                with open(out, "w") as f:
                    f.write(text)
                    for q in qs:
                        f.write("# " + json.dumps(q) + "\n")
    print("diff: %d graphs, %d queries, %d mismatches" % (graphs, queries, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
