"""Checks each library package as a package gallery and a consuming project see it: the package and its symbol
package exist; it carries its own README (no repository-relative links, no repository-only sections), XML docs
for both targets, and exactly the dependencies it declares per target."""
import glob
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

folder, ids = sys.argv[1], sys.argv[2:]
frameworks = ["net8.0", "net10.0"]
# Guides packed with a package besides the README.
EXTRA = {"ServiceQuality.Testing": ["docs/testing.md"]}
# What each package may depend on, per target: a net8.0 application is not forced onto 10.0 assemblies.
DEPENDENCIES = {
    "ServiceQuality.Domain": {
        "net8.0": {"NodaTime": "3.3.7", "Ardalis.GuardClauses": "5.0.0"},
        "net10.0": {"NodaTime": "3.3.7", "Ardalis.GuardClauses": "5.0.0"},
    },
    "ServiceQuality.Policies": {
        "net8.0": {"ServiceQuality.Domain": None, "Ardalis.GuardClauses": "5.0.0",
                   "Microsoft.Extensions.DependencyInjection.Abstractions": "8.0.2", "Microsoft.Extensions.Options": "8.0.2"},
        "net10.0": {"ServiceQuality.Domain": None, "Ardalis.GuardClauses": "5.0.0",
                    "Microsoft.Extensions.DependencyInjection.Abstractions": "10.0.0", "Microsoft.Extensions.Options": "10.0.0"},
    },
    "ServiceQuality.Json": {
        tfm: {"ServiceQuality.Domain": None, "ServiceQuality.Policies": None, "Ardalis.GuardClauses": "5.0.0",
              "NodaTime.Serialization.SystemTextJson": "1.4.0"}
        for tfm in frameworks
    },
    "ServiceQuality.Calendars.ICalendar": {
        tfm: {"ServiceQuality.Domain": None, "Ardalis.GuardClauses": "5.0.0", "Ical.Net": "5.2.4"}
        for tfm in frameworks
    },
    "ServiceQuality.Testing": {
        tfm: {"ServiceQuality.Domain": None, "ServiceQuality.Policies": None, "FsCheck": "3.6.0", "NodaTime.Testing": "3.3.7"}
        for tfm in frameworks
    },
}
REPOSITORY_ONLY = ["## Two commands", "## Repository", "dotnet test", "samples/"]

problems = []
for package_id in ids:
    found = [p for p in glob.glob(f"{folder}/{package_id}.*.nupkg")
             if not p.endswith(".symbols.nupkg") and p[len(folder) + len(package_id) + 2].isdigit()]
    if len(found) != 1:
        problems.append(f"{package_id}: expected one .nupkg, found {len(found)}")
        continue
    if not glob.glob(f"{folder}/{package_id}.*.snupkg"):
        problems.append(f"{package_id}: no symbol package (.snupkg)")
    package = zipfile.ZipFile(found[0])
    names = set(package.namelist())
    required = ["README.md", f"{package_id}.nuspec"] + EXTRA.get(package_id, [])
    for tfm in frameworks:
        required += [f"lib/{tfm}/{package_id}.dll", f"lib/{tfm}/{package_id}.xml"]
    problems += [f"{package_id}: missing {name}" for name in required if name not in names]
    if "README.md" in names:
        readme = package.read("README.md").decode("utf-8")
        if not readme.startswith(f"# {package_id}\n"):
            problems.append(f"{package_id}: the packed README is not the package's own (it should start '# {package_id}')")
        for target in re.findall(r"\]\(([^)]+)\)", readme):
            if not re.match(r"https://|#", target):
                problems.append(f"{package_id}: README link '{target}' breaks on a package gallery")
        problems += [f"{package_id}: README has repository-only text '{text}'" for text in REPOSITORY_ONLY if text in readme]
    nuspec = ET.fromstring(package.read(f"{package_id}.nuspec"))
    ns = {"n": nuspec.tag[1:nuspec.tag.index("}")]}
    groups = {g.get("targetFramework"): {d.get("id"): d.get("version") for d in g.findall("n:dependency", ns)}
              for g in nuspec.findall(".//n:dependencies/n:group", ns)}
    expected = DEPENDENCIES.get(package_id, {})
    for tfm, wanted in expected.items():
        actual = groups.get(tfm)
        if actual is None:
            problems.append(f"{package_id}: no dependency group for {tfm} (groups: {sorted(groups)})")
            continue
        for dep, version in wanted.items():
            if dep not in actual:
                problems.append(f"{package_id} {tfm}: missing dependency {dep}")
            elif version is not None and actual[dep] != version:
                problems.append(f"{package_id} {tfm}: {dep} {actual[dep]}, expected {version}")
        problems += [f"{package_id} {tfm}: undeclared dependency {dep}" for dep in actual if dep not in wanted]

for problem in problems:
    print(f"package check: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"package check: {len(ids)} packages carry their own README, XML docs for {', '.join(frameworks)}, symbols "
      "and exactly their declared dependencies per target")
