#!/usr/bin/env python3
"""Writes the JMeter and Gatling fixtures of the ingest tests (deterministic: seeded).

JMeter JTL CSV as JMeter 5 writes it with its default save configuration
(CSVSaveService: header timeStamp,elapsed,label,responseCode,responseMessage,threadName,
dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,
Connect; fields holding the delimiter or a quote are quoted, quotes doubled), the same rows
without the header, and JTL XML (<testResults version="1.2"> with <httpSample> and nested
<sample> elements, attributes t, it, lt, ct, ts, s, lb, rc, rm, tn, dt, by, sby, ng, na).
Gatling: simulation.log of Gatling 3.x (tab-separated RUN, USER, REQUEST, GROUP, ERROR records,
as LogFileDataWriter writes them in 3.4 to 3.7, without user ids).
Run: python3 make_jmeter_gatling_fixtures.py (from this directory).
"""
import random
from xml.sax.saxutils import quoteattr

rnd = random.Random(20240601)
HEADER = ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
          "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect")
LABELS = [("Home page", 2600, 40, "http://127.0.0.1:8080/"),
          ("Login, then dashboard", 1500, 120, "http://127.0.0.1:8080/login"),
          ('Search "products"', 300, 300, "http://127.0.0.1:8080/search?q=a,b")]

def q(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n\r') else s

rows = []
t0 = 1717200000000
for label, n, base, url in LABELS:
    for i in range(n):
        ts = t0 + int(i * 60000 / n) + rnd.randint(0, 50)
        connect = rnd.randint(0, 5)
        elapsed = connect + int(rnd.lognormvariate(0, 0.6) * base)
        latency = max(connect, elapsed - rnd.randint(0, max(1, elapsed // 4)))
        ok = rnd.random() > 0.03
        code, msg, fail = ("200", "OK", "") if ok else ("500", "Internal Server Error", "Response code was 500, expected 200")
        thread = "Users 1-%d" % (1 + i % 8)
        rows.append((ts, elapsed, label, code, msg, thread, "text", "true" if ok else "false", fail,
                     rnd.randint(900, 1100) if ok else 120, rnd.randint(100, 140), 8, 8, url, latency, 0, connect))
rows.sort(key=lambda r: r[0])

with open("jmeter-default-header.jtl", "w", newline="") as f:
    f.write(HEADER + "\n")
    for r in rows:
        f.write(",".join(q(str(v)) for v in r) + "\n")
with open("jmeter-headerless.csv", "w", newline="") as f:
    for r in rows:
        f.write(",".join(q(str(v)) for v in r) + "\n")

# A reordered subset of columns, as a custom save configuration writes them (with SampleCount/ErrorCount).
with open("jmeter-reordered-columns.jtl", "w", newline="") as f:
    f.write("label,timeStamp,success,elapsed,Latency,Connect,bytes,SampleCount,ErrorCount,Hostname\n")
    for r in rows[:500]:
        f.write(",".join(q(str(v)) for v in (r[2], r[0], r[7], r[1], r[14], r[16], r[9], 1, 0 if r[7] == "true" else 1, "loadgen-1")) + "\n")

with open("jmeter-nested.xml", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<testResults version="1.2">\n')
    for r in rows[:400]:
        ts, el, lb, rc, rm, tn, dt, s, fm, by, sby, ng, na, url, lt, it, ct = r
        attrs = 't="%d" it="%d" lt="%d" ct="%d" ts="%d" s="%s" lb=%s rc="%s" rm=%s tn=%s dt="%s" by="%d" sby="%d" ng="%d" na="%d"' % (
            el, it, lt, ct, ts, s, quoteattr(lb), rc, quoteattr(rm), quoteattr(tn), dt, by, sby, ng, na)
        if lb.startswith("Login"):
            # a transaction-like parent with two sub-samples (redirects), as JMeter writes them
            half = el // 2
            f.write('<httpSample %s>\n' % attrs)
            f.write('  <sample t="%d" it="0" lt="%d" ct="%d" ts="%d" s="true" lb="Login-0" rc="302" rm="Found" tn=%s dt="text" by="200" sby="%d" ng="%d" na="%d"/>\n'
                    % (half, half, ct, ts, quoteattr(tn), sby, ng, na))
            f.write('  <sample t="%d" it="0" lt="%d" ct="0" ts="%d" s=%s lb="Login-1" rc=%s rm=%s tn=%s dt="text" by="%d" sby="0" ng="%d" na="%d"/>\n'
                    % (el - half, el - half, ts + half, quoteattr(s), quoteattr(rc), quoteattr(rm), quoteattr(tn), by, ng, na))
            if s == "false":
                f.write('  <assertionResult><name>Response Assertion</name><failure>true</failure><error>false</error>'
                        '<failureMessage>%s</failureMessage></assertionResult>\n' % fm)
            f.write('  <java.net.URL>%s</java.net.URL>\n</httpSample>\n' % url.replace("&", "&amp;"))
        else:
            f.write('<httpSample %s>\n  <java.net.URL>%s</java.net.URL>\n</httpSample>\n' % (attrs, url.replace("&", "&amp;")))
    f.write('</testResults>\n')

# Gatling 3.x simulation.log
g = []
g.append("RUN\tcomputerdatabase.BasicSimulation\tbasicsimulation\t%d\t \t3.7.6" % t0)
users = 40
for u in range(users):
    start = t0 + u * 250
    g.append("USER\tUsers\tSTART\t%d\t" % start)
    t = start
    for name, base in (("Home", 30), ("Search", 80), ("Select", 50)):
        el = int(rnd.lognormvariate(0, 0.5) * base)
        ok = rnd.random() > 0.05
        g.append("REQUEST\t\t%s\t%d\t%d\t%s\t%s" % (name, t, t + el, "OK" if ok else "KO",
                                                   " " if ok else "status.find.in(200,304), but actually found 500"))
        t += el + 10
    gstart = t
    cum = 0
    for i in range(2):
        el = int(rnd.lognormvariate(0, 0.4) * 60)
        cum += el
        g.append("REQUEST\tBrowse\tPage %d\t%d\t%d\tOK\t " % (i, t, t + el))
        t += el + 5
    g.append("GROUP\tBrowse\t%d\t%d\t%d\tOK" % (gstart, t, cum))
    g.append("USER\tUsers\tEND\t%d\t%d" % (start, t))
g.append("ERROR\tstatus.find.in(200,304), but actually found 500\t%d" % (t0 + 5000))
with open("gatling-simulation.log", "w", newline="") as f:
    f.write("\n".join(g) + "\n")
