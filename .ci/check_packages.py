"""Checks that each library package (and its symbol package) exists and carries README and XML docs."""
import glob
import sys
import zipfile

folder, ids = sys.argv[1], sys.argv[2:]
frameworks = ["net8.0", "net10.0"]
# Guides packed with a package besides the README.
EXTRA = {"ServiceQuality.Testing": ["docs/testing.md"]}
problems = []
for package_id in ids:
    found = [p for p in glob.glob(f"{folder}/{package_id}.*.nupkg")
             if not p.endswith(".symbols.nupkg") and p[len(folder) + len(package_id) + 2].isdigit()]
    if len(found) != 1:
        problems.append(f"{package_id}: expected one .nupkg, found {len(found)}")
        continue
    if not glob.glob(f"{folder}/{package_id}.*.snupkg"):
        problems.append(f"{package_id}: no symbol package (.snupkg)")
    names = set(zipfile.ZipFile(found[0]).namelist())
    required = ["README.md", f"{package_id}.nuspec"] + EXTRA.get(package_id, [])
    for tfm in frameworks:
        required += [f"lib/{tfm}/{package_id}.dll", f"lib/{tfm}/{package_id}.xml"]
    problems += [f"{package_id}: missing {name}" for name in required if name not in names]

for problem in problems:
    print(f"package check: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"package check: {len(ids)} packages carry README, XML docs for {', '.join(frameworks)} and symbols")
