#!/usr/bin/env python3
"""Writes datapoints-three-peers.jsonl: three load clients reporting every 0.5 s for 10 s, in
arrival order (interleaved, not sorted), as a distributed load generator's clients would append
them. Deterministic (seeded). Run: python3 make_datapoints_fixture.py"""
import json
import random

rnd = random.Random(7)
t0 = 1717200000
points = []
for peer, rps, lat in (("load-1", 100, 12.0), ("load-2", 150, 15.0), ("load-3", 50, 9.0)):
    for i in range(20):
        ts = t0 + i * 0.5 + rnd.uniform(0, 0.2)
        points.append({"peer": peer, "ts": round(ts, 3),
                       "metrics": {"requests_per_sec": rps + rnd.randint(-10, 10),
                                   "latency_ms": round(lat + rnd.uniform(-2, 2), 2)}})
points.sort(key=lambda p: (p["ts"] + rnd.uniform(-0.4, 0.4)))
with open("datapoints-three-peers.jsonl", "w") as f:
    for p in points:
        f.write(json.dumps(p) + "\n")
