#!/usr/bin/env python3
"""The sample evaluates each replayed ticket and complaint under the agreement it names (the definitions file has two)."""
import json
import os
import subprocess
import sys
import tempfile

with open("samples/ServiceDesk/data/events.jsonl", encoding="utf-8") as f:
    log = f.read()
moved = '"ticket":"T-2","customer":"C-2","kind":"FaultReport","channel":"Online","priority":"P3","staff":"zhao","agreement":"PM-2025"}'
if moved not in log:
    sys.exit("agreement check: the shipped log no longer opens T-2 as this check expects")
received = '"complaint":"K-1","customer":"C-1","channel":"Online","category":"Delay","severity":"Major",'
if received not in log:
    sys.exit("agreement check: the shipped log no longer receives K-1 as this check expects")

with tempfile.TemporaryDirectory() as work:
    events, report = os.path.join(work, "events.jsonl"), os.path.join(work, "report.json")
    with open(events, "w", encoding="utf-8") as f:
        f.write(log.replace(moved, moved.replace('"PM-2025"', '"PM-2025-KEY"')).replace(received, received + '"agreement":"PM-2025-KEY",'))
    subprocess.run(["dotnet", "run", "--project", "samples/ServiceDesk", "-c", "Release", "--no-build", "--",
                    "--definitions", "samples/ServiceDesk/data/definitions.json", "--events", events, "--format", "json", "--cases", "--out", report],
                   check=True, capture_output=True)
    with open(report, encoding="utf-8") as f:
        cases = {case["id"]: case for case in json.load(f)["cases"]}

# PM-2025 promises a first response in 2 business hours, the key-accounts agreement in 1.
targets = {case: {s["metric"]: s["targetHours"] for s in cases[case]["statuses"]} for case in ("T-1", "T-2")}
if targets["T-1"].get("FirstResponse") != 2 or targets["T-2"].get("FirstResponse") != 1:
    sys.exit(f"agreement check: first-response targets were {targets}, expected T-1 under PM-2025 (2 h) and T-2 under PM-2025-KEY (1 h)")
# PM-2025 promises complaint acknowledgement and resolution; the key-accounts agreement has no complaint targets.
complaint_metrics = {s["metric"] for s in cases["K-1"]["statuses"]}
if complaint_metrics & {"ComplaintAcknowledgement", "ComplaintResolution"}:
    sys.exit(f"agreement check: K-1 was measured on {sorted(complaint_metrics)}, expected PM-2025-KEY's targets (none for complaints)")
print("agreement check: each ticket and complaint was evaluated under the agreement it names")
