#!/usr/bin/env python3
"""A tender that starts a screening walk at every entity of a data file, so that keten-mpi's
tables are compared with keten's at every vertex: consortia as consortia, items as offers,
everything else as a sole member (an offer needs a member: the first company).  Usage: every-vertex.py DATA.jsonl POLICY OUT.json"""
import json
import os
import sys

data, policy, out = sys.argv[1:4]
bidders = []
first = None
with open(data) as f:
    for line in f:
        r = json.loads(line)
        if "id" not in r or "type" not in r:
            continue
        if first is None and r["type"] == "company":
            first = r["id"]
        b = {"id": "b-" + r["id"], "name": r["id"]}
        if r["type"] == "consortium":
            b["consortium"] = r["id"]
        elif r["type"] in ("product", "component"):
            b["offers"] = [r["id"]]
            b["members"] = [{"id": first, "lead": True}]
        else:
            b["members"] = [{"id": r["id"], "lead": True}]
        bidders.append(b)
d = os.path.dirname(os.path.abspath(out))
json.dump({"keten_tender": "1", "id": "every-vertex", "title": "every vertex", "authority": "test",
           "regime": "adv", "access": ["sensitive_ict"], "mitigation": "insufficient",
           "data": [os.path.relpath(os.path.abspath(data), d)], "policy": os.path.relpath(os.path.abspath(policy), d),
           "bidders": bidders}, open(out, "w"))
