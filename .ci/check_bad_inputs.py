#!/usr/bin/env python3
"""Every kind of bad input makes the sample exit with status 2, a `file:line` (or JSON path) message and no report."""
import os
import subprocess
import sys
import tempfile

SAMPLE = ["dotnet", "run", "--project", "samples/ServiceDesk", "-c", "Release", "--no-build", "--"]
with open("samples/ServiceDesk/data/events.jsonl", encoding="utf-8") as f:
    GOOD = f.read().rstrip("\n") + "\n"
LINE = GOOD.count("\n") + 1  # the line number a bad line appended to the good log gets

CASES = [
    ("malformed JSON", '{"at": "2025-01-17T01:00:00Z", "type": ', f":{LINE}: $: malformed JSON"),
    ("unknown type", '{"at":"2025-01-17T01:00:00Z","type":"TicketTeleported","ticket":"T-1"}', f":{LINE}: $.type: unknown event type 'TicketTeleported'"),
    ("missing field", '{"at":"2025-01-17T01:00:00Z","type":"TicketClosed"}', f":{LINE}: $.ticket: is required"),
    ("out of time order", '{"at":"2025-01-01T01:00:00Z","type":"TicketClosed","ticket":"T-1"}', f":{LINE}: rule CommandTimeMustNotPrecedeLastEvent"),
    ("refused by the aggregate", '{"at":"2025-01-17T01:00:00Z","type":"TicketCancelled","ticket":"T-1","reason":"late"}', f":{LINE}: rule TransitionMustBeAllowed"),
]

failures = []
with tempfile.TemporaryDirectory() as work:
    runs = [(name, ["--events", os.path.join(work, f"case{i}.jsonl")], GOOD + line + "\n", expected) for i, (name, line, expected) in enumerate(CASES)]
    runs.append(("bad definitions", ["--definitions", "samples/ServiceDesk/data/bad-definitions.json"], None, ": $.agreements[0].targets[0].duration:"))
    runs.append(("unknown option", ["--colour", "red"], None, "--colour"))
    runs.append(("missing event log", ["--events", os.path.join(work, "absent.jsonl")], None, "absent.jsonl: "))
    runs.append(("truncated definitions", ["--definitions", os.path.join(work, "truncated.json")], '{ "calendars": [', "truncated.json: $: malformed JSON at line 1"))
    runs.append(("option out of range", ["--days", "0"], None, "--days needs a whole number from 1 to 366"))
    runs.append(("an output naming an input", ["--events", "samples/ServiceDesk/data/events.jsonl", "--html", "samples/ServiceDesk/data/events.jsonl"], None, "names the same file as --events"))
    if os.path.exists("/dev/full"):
        runs.append(("a full disk", ["--smoke", "--html", "/dev/full"], None, "--html /dev/full: cannot be written: no space left on the device"))
    for name, arguments, content, expected in runs:
        if content is not None:
            with open(arguments[1], "w", encoding="utf-8") as f:
                f.write(content)
        out = os.path.join(work, "report.txt")
        result = subprocess.run(SAMPLE + arguments + ["--out", out], capture_output=True, text=True)
        if result.returncode != 2 or expected not in result.stderr or os.path.exists(out) or "   at " in result.stderr:
            failures.append(f"{name}: status {result.returncode}, expected 2 and '{expected}' on stderr, no report, no stack trace; stderr was:\n{result.stderr}")

# A real full file system, not only /dev/full: the report goes to a temporary file there, which must fail with status 2 and
# be deleted. It needs a tmpfs mount, which only root (as on CI) may make; elsewhere the check says it did not run.
full_disk = "not run (mounting a small tmpfs needs root)"
with tempfile.TemporaryDirectory() as mount:
    if os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount], capture_output=True).returncode == 0:
        try:
            filler = os.open(os.path.join(mount, "filler"), os.O_WRONLY | os.O_CREAT)
            try:
                while os.write(filler, b"\0" * 4096) > 0:
                    pass
            except OSError:
                pass
            finally:
                os.close(filler)
            runs.append(("a full file system", [], None, None))
            result = subprocess.run(SAMPLE + ["--smoke", "--out", os.path.join(mount, "report.txt")], capture_output=True, text=True)
            left = sorted(set(os.listdir(mount)) - {"filler"})
            if result.returncode != 2 or "no space left" not in result.stderr or left or "   at " in result.stderr:
                failures.append(f"a full file system: status {result.returncode}, expected 2, 'no space left' and nothing left behind (found {left}); stderr was:\n{result.stderr}")
            full_disk = "run"
        finally:
            subprocess.run(["umount", mount], capture_output=True)

for failure in failures:
    print(f"bad input check: {failure}", file=sys.stderr)
print(f"bad input check: {len(runs) - len(failures)} of {len(runs)} bad inputs refused with status 2 and their location; the full file system {full_disk}")
sys.exit(1 if failures else 0)
