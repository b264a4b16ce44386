"""Checks the ServiceDesk sample's JSON report: it parses, its totals add up, and it is the summary it should be."""
import json
import os
import re
import sys

path = sys.argv[1]
report = json.load(open(path, encoding="utf-8"))
problems = []
totals = report["totals"]
iso_date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
iso_time = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def one_decimal(value):
    return value is None or round(value, 1) == value


if not (iso_date.match(report["period"]["from"]) and iso_date.match(report["period"]["to"]) and report["period"]["from"] <= report["period"]["to"]):
    problems.append(f"the period is not two ISO dates in order: {report['period']}")
if not iso_time.match(report["period"]["evaluatedAt"]):
    problems.append(f"the evaluation instant is not ISO 8601 with an offset: {report['period']['evaluatedAt']}")
if sum(t["customers"] for t in report["tiers"]) != totals["customers"]:
    problems.append("tier counts do not add up to the customers")
if not report["compliance"]:
    problems.append("no compliance rows")
for row in report["compliance"]:
    decided = row["met"] + row["missed"]
    expected = None if decided == 0 else round(row["met"] * 100 / decided, 1)
    actual = row["compliancePercent"]
    if actual is not None and expected is not None and abs(actual - expected) > 0.051:
        problems.append(f"compliance of {row['metric']}/{row['priority']}/{row['tier']} is {actual}, expected {expected}")
    if (actual is None) != (expected is None):
        problems.append(f"compliance of {row['metric']}/{row['priority']}/{row['tier']} is {actual}, expected {expected}")
    if not one_decimal(actual) or not one_decimal(row["p90Hours"]):
        problems.append(f"{row['metric']}/{row['priority']}/{row['tier']} has more decimals than the report shows")
    if row["verdict"] not in ("Met", "Not met", "No data") or not row["target"]:
        problems.append(f"{row['metric']}/{row['priority']}/{row['tier']} lacks a promise or a verdict in words")
if sum(r["missed"] for r in report["compliance"]) != totals["breaches"]:
    problems.append("missed clocks in the compliance rows do not add up to the breaches")
if sum(h["total"] for h in report["breaches"]["byHolder"]) + report["breaches"]["otherBreaches"] != totals["breaches"]:
    problems.append("breaches by holder do not add up to the breaches")
for kpi in report["kpis"]:
    if kpi["numerator"] < 0 or kpi["denominator"] < 0:
        problems.append(f"KPI {kpi['kpi']} has negative counts")
    if kpi["verdict"] not in ("Met", "Not met", "No data") or not one_decimal(kpi["actualPercent"]):
        problems.append(f"KPI {kpi['kpi']} has no verdict in words or too many decimals")
if sum(b["cases"] for b in report["backlog"]["byState"]) != totals["openCases"] or report["backlog"]["open"] != totals["openCases"]:
    problems.append("the backlog's states do not add up to the open cases")
opened = [o["openedAt"] for o in report["backlog"]["oldest"]]
if opened != sorted(opened):
    problems.append("the oldest open cases are not oldest first")
if sum(e["cases"] for e in report["escalationsRecorded"]) != sum(d["count"] for d in report["escalationsPerDay"]):
    problems.append("the escalations recorded by level do not add up to those per day")
if sum(e["cases"] for e in report["escalationsDue"]) > totals["tickets"] + totals["complaints"]:
    problems.append("more escalations are due than there are cases")
if sum(v["required"] for v in report["callbacks"]["byKind"]) != totals["visits"]:
    problems.append("callbacks and visits by kind do not add up to the visits")
for v in report["callbacks"]["byKind"]:
    if v["done"] + v["missed"] + v["cancelled"] + v["stillPlanned"] != v["required"] or v["done"] > v["reached"]:
        problems.append(f"the {v['kind']} row does not add up")
staff = report["staff"]
ranks = [s["rank"] for s in staff["standings"]]
if ranks != sorted(ranks) or len(staff["standings"]) != staff["staff"]:
    problems.append("the staff standings are not one ranking of every member of staff, best first")
for a, b in zip(staff["standings"], staff["standings"][1:]):
    if (a["score"] == b["score"]) != (a["rank"] == b["rank"]) or (a["rank"] == b["rank"] and not (a["tied"] and b["tied"])):
        problems.append(f"{a['staff']} and {b['staff']}: equal scores must share a rank and show as tied")
if sum(c["staff"] for c in staff["stars"]) != staff["staff"]:
    problems.append("the star counts do not cover every member of staff")
credits = report["credits"]
if sum(r["accounts"] for r in credits["byReason"]) != credits["keyAccounts"] or abs(sum(r["amount"] for r in credits["byReason"]) - credits["total"]) > 0.011:
    problems.append("service credits by outcome do not add up")
if totals["tickets"] <= 0 or totals["complaints"] <= 0:
    problems.append("the report has no cases")
if "cases" in report and len(report["cases"]) != totals["tickets"] + totals["complaints"]:
    problems.append("the per-case rows (--cases) do not cover every ticket and complaint")
if "cases" not in report and os.path.getsize(path) > 1_000_000:
    problems.append(f"the summary report is {os.path.getsize(path):,} bytes; it should stay small")

for problem in problems:
    print(f"report check: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"report check: {totals['tickets']} tickets, {totals['complaints']} complaints, {len(report['compliance'])} promises, "
      f"{totals['openCases']} open cases, {staff['staff']} staff add up")
