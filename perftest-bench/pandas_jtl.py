#!/usr/bin/env python3
"""The same JTL aggregation in pandas, for comparison: read_csv, then per label count, mean and
quantiles (p50, p90, p95, p99, p99.9) of elapsed, latency and connect, and error counts.
Usage: python3 pandas_jtl.py FILE   (needs python3-pandas)"""
import sys
import time

import pandas as pd

path = sys.argv[1]
start = time.perf_counter()
df = pd.read_csv(path, usecols=["timeStamp", "elapsed", "label", "success", "Latency", "Connect", "bytes", "sentBytes"])
g = df.groupby("label")
stats = g[["elapsed", "Latency", "Connect"]].agg(["count", "mean", "min", "max"])
q = g[["elapsed", "Latency", "Connect"]].quantile([0.5, 0.9, 0.95, 0.99, 0.999])
errors = (~df["success"]).groupby(df["label"]).sum()
window = g["timeStamp"].agg(["min", "max"])
seconds = time.perf_counter() - start
import os
size = os.path.getsize(path)
print("pandas: %.2f s, %.0f MB/s, %d rows, %d labels" % (seconds, size / 1e6 / seconds, len(df), len(stats)))
print(stats["elapsed"].head(3))
