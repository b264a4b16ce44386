"""Sums the counters of every TRX file under a folder and prints the CI's closing line."""
import glob
import sys
import xml.etree.ElementTree as ET


files = glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True)
if not files:
    print("Tests: 0 passed, 0 failed (no test results were written)")
    sys.exit(0)

passed = failed = skipped = 0
for path in files:
    # Match by local name so that the TRX namespace need not be spelled out here.
    counters = next(e for e in ET.parse(path).getroot().iter() if e.tag.rsplit("}", 1)[-1] == "Counters")
    passed += int(counters.get("passed", "0"))
    failed += int(counters.get("failed", "0")) + int(counters.get("error", "0")) + int(counters.get("timeout", "0")) + int(counters.get("aborted", "0"))
    # xunit's skipped tests count in `total` but not in `executed`; some writers also fill `notExecuted`.
    not_run = int(counters.get("total", "0")) - int(counters.get("executed", counters.get("total", "0")))
    skipped += max(int(counters.get("notExecuted", "0")), not_run)

line = f"Tests: {passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
