"""Checks the ServiceDesk sample's JSON report: it parses, and its totals add up."""
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
if sum(t["customers"] for t in report["tiers"]) != report["customers"]:
    problems.append("tier counts do not add up to the customers")
if not report["compliance"]:
    problems.append("no compliance rows")
for row in report["compliance"]:
    decided = row["met"] + row["missed"]
    expected = None if decided == 0 else round(row["met"] * 100 / decided, 6)
    actual = None if row["compliancePercent"] is None else round(row["compliancePercent"], 6)
    if expected != actual:
        problems.append(f"compliance of {row['metric']}/{row['tier']}/{row['priority']} is {actual}, expected {expected}")
if sum(r["missed"] for r in report["compliance"]) != report["breaches"]:
    problems.append("missed clocks in the compliance rows do not add up to the breaches")
for kpi in report["kpis"]:
    if kpi["numerator"] < 0 or kpi["denominator"] < 0:
        problems.append(f"KPI {kpi['kpi']} has negative counts")
if len(report["cases"]) != report["tickets"] + report["complaints"]:
    problems.append("the per-case statuses do not cover every ticket and complaint")
if sum(e["cases"] for e in report["escalationsRecorded"]) != sum(d["count"] for d in report["escalationsPerDay"]):
    problems.append("the escalations recorded by level do not add up to those per day")
due = {case["id"] for case in report["cases"] if case["escalationLevel"] is not None}
if sum(e["cases"] for e in report["escalations"]) != len(due):
    problems.append("the escalations due by level do not add up to the cases with an escalation decision")
if report["tickets"] <= 0 or report["complaints"] <= 0:
    problems.append("the simulation produced no cases")

for problem in problems:
    print(f"report check: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"report check: {report['tickets']} tickets, {report['complaints']} complaints, {len(report['compliance'])} compliance groups add up")
