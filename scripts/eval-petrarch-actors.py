#!/usr/bin/env python3
"""eval-petrarch-actors.py — actor-code recall of tidings on the PETRARCH2
unit-test records, with the PETRARCH validation dictionaries alone.

Every record of PETR.UnitTest.records.xml names the source and target codes
of its expected events. A code counts as found when an entity of the
record's text carries it (as its code or in attrs.also); the null country
"---" is left off on both sides. Records marked
noevents or error still have their actors in the text but no expected
codes, so they add nothing. Codes are counted once per record.

Usage: eval-petrarch-actors.py TIDINGS PETRARCH_VALIDATION_DIR [--floor F]
                               [--misses N]
Prints the counts and recall; exits 1 below the floor, 2 on bad input.
"""
import json
import os
import re
import subprocess
import sys


def attr(tag, name):
    m = re.search(r'\b%s\s*=\s*(["\'])(.*?)\1' % name, tag)
    return m.group(2) if m else None


def records(path):
    xml = open(path, encoding="utf-8").read()
    for m in re.finditer(r"(<Sentence\b[^>]*>)(.*?)</Sentence>", xml, re.S):
        head, body = m.group(1), m.group(2)
        rid, date = attr(head, "id"), attr(head, "date")
        t = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not rid or not date or not t or len(date) != 8:
            continue
        codes = []
        for ev in re.finditer(r"<EventCoding\b[^>]*>", body):
            for side in ("sourcecode", "targetcode"):
                c = attr(ev.group(0), side)
                # "---GOV" is a government of no known country: GOV
                c = (c or "").strip('"').strip().lstrip("-")
                if re.fullmatch(r"[A-Z0-9]{3,15}", c) and c not in codes:
                    codes.append(c)
        text = " ".join(t.group(1).split())
        yield rid, "%s-%s-%s" % (date[:4], date[4:6], date[6:]), text, codes


def main():
    args = sys.argv[1:]
    floor, nmiss = None, 0
    if "--floor" in args:
        i = args.index("--floor")
        floor = float(args[i + 1])
        del args[i:i + 2]
    if "--misses" in args:
        i = args.index("--misses")
        nmiss = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    binary, d = args
    recs = list(records(os.path.join(d, "PETR.UnitTest.records.xml")))
    if not recs:
        sys.stderr.write("eval-petrarch-actors: no records read\n")
        return 2
    stdin = "".join(json.dumps({"id": r, "date": dt, "text": tx}) + "\n"
                    for r, dt, tx, _ in recs)
    cmd = [binary, "annotate", "--format", "jsonl", "--no-own-actors",
           "--actors", os.path.join(d, "PETR.Validate.actors.txt"),
           "--agents", os.path.join(d, "PETR.Validate.agents.txt"), "-"]
    out = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if out.returncode not in (0, 3):
        sys.stderr.write(out.stderr)
        return 2
    found = {}
    for line in out.stdout.splitlines():
        doc = json.loads(line)
        codes = set()
        for e in doc.get("entities", []):
            if e.get("code"):
                codes.add(e["code"].lstrip("-"))
            codes.update(c.lstrip("-")
                         for c in (e.get("attrs") or {}).get("also", []))
        found[doc["id"]] = codes
    total = hit = 0
    misses = []
    for rid, _, text, codes in recs:
        for c in codes:
            total += 1
            if c in found.get(rid, ()):
                hit += 1
            else:
                misses.append((rid, c, sorted(found.get(rid, ()))))
    recall = hit / total if total else 0.0
    print("records %d  codes %d  found %d  recall %.4f" %
          (len(recs), total, hit, recall))
    for m in misses[:nmiss]:
        print("miss %s %s (have %s)" % (m[0], m[1], " ".join(m[2]) or "-"))
    if floor is not None and recall < floor:
        print("recall %.4f is below the floor %.4f" % (recall, floor))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
