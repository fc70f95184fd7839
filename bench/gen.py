#!/usr/bin/env python3
"""Generate a realistic synthetic keten data set in native JSON Lines.

    python3 bench/gen.py --relations 1000000 --out bench/data/r1m.jsonl [--tender bench/data/t1m.json --bidders 10000]

What it holds, roughly per relation budget R:
  - companies (R/5) in a country mix, persons (R/25), a few states, products and components;
  - ownership (about 30% of relations): each company has 0-4 owners drawn by preferential
    attachment (a power law: a few holdings own many companies), shares split so that every
    company's owners hold at most 100%; ranges on some edges; 0.5% cross-holdings (two
    companies owning each other) so that cycles are present; some state-owned companies and
    states as owners;
  - explicit control (2%);
  - bills of materials (about 35%): products contain components over four tiers (contains edges
    go only from tier t to tier t+1, so the BOM is acyclic), every item made_by a manufacturer;
  - supplier tiers (about 25%): supplies edges between companies with the item supplied, some
    sole_source; subcontracts (5%);
  - consortia with members (lead marked) and offered products, for screening.
The same seed gives the same file.  Countries are data here, as everywhere in keten.
"""
import argparse
import json
import random
import sys

COUNTRIES = [("NL", 20), ("DE", 14), ("BE", 6), ("FR", 8), ("US", 10), ("GB", 5), ("CN", 10), ("TW", 4),
             ("JP", 4), ("KR", 3), ("RU", 2), ("CY", 2), ("IE", 2), ("CH", 2), ("SG", 2), ("PL", 2),
             ("IT", 2), ("ES", 1), ("SE", 1), ("IR", 0.2), ("AE", 1), ("IN", 2), ("VN", 1), ("MY", 1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--relations", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tender", help="also write a tender file with --bidders bidders")
    ap.add_argument("--bidders", type=int, default=10000)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    R = a.relations
    cc = [c for c, _ in COUNTRIES]
    cw = [w for _, w in COUNTRIES]
    countries = rnd.choices(cc, cw, k=1 << 16)

    n_comp = max(10, R // 5)
    n_pers = max(5, R // 25)
    n_state = 20
    n_items = max(10, int(R * 0.35 / 2))  # each item: one contains in, one made_by
    n_cons = max(1, R // 200)

    out = open(a.out, "w", buffering=1 << 20)
    w = out.write
    dumps = json.dumps
    nrel = 0

    w('{"keten":"1"}\n')
    for i in range(n_state):
        w(dumps({"id": f"s{i}", "type": "state", "name": f"State {i}", "country": cc[i % len(cc)]}) + "\n")
    for i in range(n_comp):
        e = {"id": f"c{i}", "type": "company", "name": f"Company {i} B.V.", "country": countries[i & 0xFFFF]}
        if i % 97 == 0:
            e["state_owned"] = True
        if i % 5 == 0:
            e["identifiers"] = {"lei": f"LEI{i:016d}"}
        if i % 3 == 0:
            e["complete"] = True
        w(dumps(e) + "\n")
    for i in range(n_pers):
        w(dumps({"id": f"p{i}", "type": "person", "name": f"Person {i}", "country": countries[(i * 7) & 0xFFFF]}) + "\n")
    # items: tier 0 products, tiers 1-4 components
    tiers = [n_items // 10, n_items // 5, n_items // 4, n_items // 4]
    tiers.append(n_items - sum(tiers))
    tier_start = []
    s = 0
    for t in tiers:
        tier_start.append(s)
        s += t
    for t, n in enumerate(tiers):
        for j in range(n):
            i = tier_start[t] + j
            e = {"id": f"i{i}", "type": "product" if t == 0 else "component", "name": f"Item {i}"}
            if i % 4 == 0:
                e["country"] = countries[(i * 13) & 0xFFFF]
            if t == 4 or i % 3 == 0:
                e["complete"] = True
            w(dumps(e) + "\n")
    for i in range(n_cons):
        w(dumps({"id": f"k{i}", "type": "consortium", "name": f"Consortium {i}"}) + "\n")

    # ownership: preferential attachment over owners
    budget_own = int(R * 0.30)
    owners_pool = [f"c{rnd.randrange(n_comp)}" for _ in range(64)]
    made = 0
    i = 0
    room = [99.0] * n_comp  # what each company's owners may still hold (1% kept for cross-holdings)
    while made < budget_own:
        target = i % n_comp
        i += 1
        k = rnd.choice((0, 1, 1, 2, 2, 3, 4))
        left = room[target]
        for _ in range(k):
            r = rnd.random()
            if r < 0.6:
                owner = rnd.choice(owners_pool)
            elif r < 0.85:
                owner = f"c{rnd.randrange(n_comp)}"
            elif r < 0.98:
                owner = f"p{rnd.randrange(n_pers)}"
            else:
                owner = f"s{rnd.randrange(n_state)}"
            if owner == f"c{target}":
                continue
            share = round(rnd.uniform(1, left), 2) if left > 1 else 0
            if share <= 0:
                break
            left -= share
            room[target] = left
            rel = {"rel": "owns", "from": owner, "to": f"c{target}"}
            if rnd.random() < 0.05 and share >= 2:
                rel["share"] = {"min": round(share / 2, 2), "max": share}
            else:
                rel["share"] = share
            w(dumps(rel) + "\n")
            made += 1
            if owner[0] == "c" and rnd.random() < 0.01:
                owners_pool.append(owner)
        if rnd.random() < 0.005 and target + 1 < n_comp and made < budget_own:
            # a cross-holding: target and its neighbour hold small stakes in each other
            # (small enough never to push a company's owners past 100%)
            w(dumps({"rel": "owns", "from": f"c{target}", "to": f"c{target + 1}", "share": 0.5}) + "\n")
            made += 1
    nrel += made

    # explicit control
    for _ in range(int(R * 0.02)):
        a1, b1 = rnd.randrange(n_comp), rnd.randrange(n_comp)
        if a1 != b1:
            w(dumps({"rel": "controls", "from": f"c{a1}", "to": f"c{b1}", "basis": "board"}) + "\n")
            nrel += 1

    # bills of materials: every component in tier t+1 is contained in one or two items of tier t
    for t in range(1, 5):
        for j in range(tiers[t]):
            i = tier_start[t] + j
            parent = tier_start[t - 1] + rnd.randrange(tiers[t - 1])
            w(dumps({"rel": "contains", "from": f"i{parent}", "to": f"i{i}", "qty": rnd.choice((1, 1, 2, 4))}) + "\n")
            nrel += 1
            if rnd.random() < 0.1:
                parent2 = tier_start[t - 1] + rnd.randrange(tiers[t - 1])
                if parent2 != parent:
                    w(dumps({"rel": "contains", "from": f"i{parent2}", "to": f"i{i}"}) + "\n")
                    nrel += 1
    for i in range(n_items):
        w(dumps({"rel": "made_by", "from": f"i{i}", "to": f"c{rnd.randrange(n_comp)}"}) + "\n")
        nrel += 1

    # supplier tiers and subcontracting
    while nrel < R - 2 * n_cons * 3 - int(R * 0.05):
        sup, cust = rnd.randrange(n_comp), rnd.randrange(n_comp)
        if sup == cust:
            continue
        rel = {"rel": "supplies", "from": f"c{sup}", "to": f"c{cust}", "item": f"i{rnd.randrange(n_items)}"}
        if rnd.random() < 0.1:
            rel["sole_source"] = True
        w(dumps(rel) + "\n")
        nrel += 1
    for _ in range(int(R * 0.05)):
        a1, b1 = rnd.randrange(n_comp), rnd.randrange(n_comp)
        if a1 != b1:
            w(dumps({"rel": "subcontracts", "from": f"c{a1}", "to": f"c{b1}", "scope": "installation"}) + "\n")
            nrel += 1

    # consortia: 2-3 members each, one lead, one or two offered products
    for k in range(n_cons):
        for m in range(rnd.choice((2, 3))):
            rel = {"rel": "member_of", "from": f"c{rnd.randrange(n_comp)}", "to": f"k{k}",
                   "role": "lead" if m == 0 else "member"}
            w(dumps(rel) + "\n")
            nrel += 1
        w(dumps({"rel": "offers", "from": f"k{k}", "to": f"i{rnd.randrange(tiers[0])}"}) + "\n")
        nrel += 1
    out.close()

    if a.tender:
        import os
        rel_data = os.path.relpath(a.out, os.path.dirname(os.path.abspath(a.tender)) or ".")
        bidders = []
        for b in range(a.bidders):
            if b % 2 == 0:
                bidders.append({"id": f"b{b}", "name": f"Bidder {b}", "consortium": f"k{b % n_cons}"})
            else:
                bidders.append({"id": f"b{b}", "name": f"Bidder {b}",
                                "members": [{"id": f"c{rnd.randrange(n_comp)}", "lead": True},
                                            {"id": f"c{rnd.randrange(n_comp)}"}],
                                "subcontractors": [f"c{rnd.randrange(n_comp)}"],
                                "offers": [f"i{rnd.randrange(tiers[0])}"]})
        tender = {"keten_tender": "1", "id": "bench", "title": "Synthetic benchmark tender",
                  "authority": "Benchmark", "regime": "adv", "access": ["sensitive_ict"],
                  "mitigation": "insufficient", "data": [rel_data],
                  "policy": os.path.relpath(os.path.join(os.path.dirname(__file__), "..", "samples", "policy.json"),
                                            os.path.dirname(os.path.abspath(a.tender))),
                  "bidders": bidders}
        with open(a.tender, "w") as f:
            json.dump(tender, f)
    print(f"{a.out}: {nrel} relations, {n_comp} companies, {n_pers} persons, {n_items} items", file=sys.stderr)


if __name__ == "__main__":
    main()
