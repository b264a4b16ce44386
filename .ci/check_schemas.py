#!/usr/bin/env python3
"""Validates the shipped example files against the published JSON Schemas (skipped when jsonschema is absent)."""
import json
import re
import sys

try:
    import jsonschema
except ImportError:
    print("schema check skipped: the Python package jsonschema is not installed")
    sys.exit(0)


def validator(path):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


problems = []
definitions = validator("schemas/definitions.schema.json")
with open("samples/ServiceDesk/data/definitions.json", encoding="utf-8") as f:
    problems += [f"definitions.json: {e.json_path}: {e.message}" for e in definitions.iter_errors(json.load(f))]

events = validator("schemas/event-log-line.schema.json")
with open("samples/ServiceDesk/data/events.jsonl", encoding="utf-8") as f:
    for number, line in enumerate(f, 1):
        if line.strip():
            problems += [f"events.jsonl:{number}: {e.json_path}: {e.message}" for e in events.iter_errors(json.loads(line))]

# The examples in docs/formats.md as well.
with open("docs/formats.md", encoding="utf-8") as f:
    for block in re.findall(r"```json\n(.*?)```", f.read(), re.S):
        if '"calendars"' in block:
            problems += [f"docs/formats.md definitions example: {e.json_path}: {e.message}" for e in definitions.iter_errors(json.loads(block))]
        else:
            for line in filter(str.strip, block.splitlines()):
                problems += [f"docs/formats.md event example: {e.json_path}: {e.message}" for e in events.iter_errors(json.loads(line))]

# The schema must also refuse what the loader refuses: a known-bad file has to fail it.
with open("samples/ServiceDesk/data/bad-definitions.json", encoding="utf-8") as f:
    if definitions.is_valid(json.load(f)):
        problems.append("bad-definitions.json: the schema accepts a file the loader refuses")

for problem in problems:
    print(problem, file=sys.stderr)
print(f"schema check: {'failed' if problems else 'passed'} ({len(problems)} problems)")
sys.exit(1 if problems else 0)
