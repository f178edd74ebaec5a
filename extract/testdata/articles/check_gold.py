#!/usr/bin/env python3
"""Validate the extractor evaluation set in this directory.

For every <slug>.txt there must be a <slug>.gold.json (and vice versa).
Checks: article header fields, JSON validity, exact-substring quotes,
role entities declared, allowed types/roles/modalities/precisions,
date value forms, entity id forms. Prints totals; exits 1 on any error.

Usage: python3 check_gold.py [dir ...]   (default: this directory; the new sets are
../dev and ../heldout, whose articles must carry the split of their directory)
"""
import json
import os
import re
import sys

HEADER_FIELDS = ["id", "title", "publisher", "publishedAt", "style", "split"]
STYLES = {"wire", "state-media", "transcript", "broadcast"}
SPLITS = {"dev", "heldout"}
EVENT_TYPES = {
    "ORDER", "INSPECTION", "VISIT", "PRODUCTION", "EXPANSION", "DEPLOYMENT",
    "SUPPLY", "TEST", "LAUNCH", "INTERCEPTION", "STRIKE", "SANCTION",
    "CONDEMNATION", "TALKS", "STATEMENT", "MEETING", "TRANSIT", "INCURSION",
    "CONSTRUCTION", "ANNOUNCEMENT",
    # added for the second evaluation set (README "Conventions for the new sets")
    "DETENTION", "DENIAL", "CONFIRMATION",
}
ROLES = {"AGENT", "TARGET", "PARTICIPANT", "LOCATION", "INSTRUMENT", "BENEFICIARY"}
MODALITIES = {"reported", "alleged", "planned", "estimated", "denied"}
PRECISION_RE = {
    "day": re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
    "month": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "quarter": re.compile(r"^\d{4}-Q[1-4]$"),
    "year": re.compile(r"^\d{4}$"),
}
ID_PREFIXES = {"country", "person", "org", "weapon", "facility", "location", "vessel"}
ID_RE = re.compile(r"^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$")
COUNTRY_RE = re.compile(r"^country:[A-Z]{3}$")
KINDS = {"Country", "Person", "Organization", "WeaponSystem", "Facility", "Location", "Vessel"}


def parse_article(path, errs):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "\n---\n" not in text:
        errs.append("missing '---' separator line")
        return {}, ""
    head, body = text.split("\n---\n", 1)
    hdr = {}
    for line in head.splitlines():
        if not line.strip():
            continue
        if ":" not in line:
            errs.append("bad header line: %r" % line)
            continue
        k, v = line.split(":", 1)
        hdr[k.strip()] = v.strip()
    for k in HEADER_FIELDS:
        if not hdr.get(k):
            errs.append("header field missing or empty: " + k)
    slug = os.path.basename(path)[:-4]
    if hdr.get("id") and hdr["id"] != "article:eval-" + slug:
        errs.append("header id %r != article:eval-%s" % (hdr["id"], slug))
    if hdr.get("style") and hdr["style"] not in STYLES:
        errs.append("bad style " + hdr["style"])
    if hdr.get("split") and hdr["split"] not in SPLITS:
        errs.append("bad split " + hdr["split"])
    if hdr.get("publishedAt") and not PRECISION_RE["day"].match(hdr["publishedAt"]):
        errs.append("bad publishedAt " + hdr["publishedAt"])
    prefix = {"wire": "wire", "state-media": "state", "transcript": "transcript", "broadcast": "broadcast"}.get(hdr.get("style"))
    if prefix and slug.split("-", 1)[0] != prefix:
        errs.append("slug prefix does not match style")
    body = body.strip("\n")
    if body.splitlines() and hdr.get("title") and body.splitlines()[0].strip() == hdr["title"]:
        errs.append("first body line repeats the title")
    return hdr, body


def check_date(d, where, errs):
    prec = d.get("precision")
    val = d.get("value")
    if prec not in PRECISION_RE:
        errs.append("%s: bad precision %r" % (where, prec))
    elif not isinstance(val, str) or not PRECISION_RE[prec].match(val):
        errs.append("%s: value %r does not match precision %s" % (where, val, prec))


def check(dirpath):
    total = {"articles": 0, "entities": 0, "quantities": 0, "dates": 0, "events": 0, "attributions": 0}
    bad = 0
    txts = sorted(f for f in os.listdir(dirpath) if f.endswith(".txt"))
    golds = sorted(f for f in os.listdir(dirpath) if f.endswith(".gold.json"))
    for g in golds:
        if g[:-10] + ".txt" not in txts:
            print("%s: no matching .txt" % g)
            bad += 1
    splits = {}
    for t in txts:
        slug = t[:-4]
        errs = []
        hdr, body = parse_article(os.path.join(dirpath, t), errs)
        words = len(body.split())
        lo, hi = (150, 450) if os.path.basename(os.path.abspath(dirpath)) == "articles" else (250, 600)
        if not lo <= words <= hi:
            errs.append("body has %d words (want %d-%d)" % (words, lo, hi))
        want = os.path.basename(os.path.abspath(dirpath))
        if want in SPLITS and hdr.get("split") != want:
            errs.append("split %r in directory %s/" % (hdr.get("split"), want))
        splits.setdefault(hdr.get("split"), []).append((slug, hdr.get("style")))
        gpath = os.path.join(dirpath, slug + ".gold.json")
        gold = None
        if not os.path.exists(gpath):
            errs.append("missing gold file")
        else:
            try:
                with open(gpath, encoding="utf-8") as f:
                    gold = json.load(f)
            except ValueError as e:
                errs.append("invalid JSON: %s" % e)
        if gold is not None:
            extra = set(gold) - {"entities", "quantities", "dates", "events", "attributions"}
            if extra:
                errs.append("unknown top-level keys: %s" % sorted(extra))
            ents = {}
            for e in gold.get("entities", []):
                eid = e.get("id", "")
                m = ID_RE.match(eid)
                if not (COUNTRY_RE.match(eid) or (m and m.group(1) in ID_PREFIXES and m.group(1) != "country")):
                    errs.append("bad entity id %r" % eid)
                if eid in ents:
                    errs.append("duplicate entity id %r" % eid)
                if not e.get("name"):
                    errs.append("entity %r has no name" % eid)
                if e.get("unresolved") and e.get("kind") not in KINDS:
                    errs.append("unresolved entity %r needs a kind from %s" % (eid, sorted(KINDS)))
                if "kind" in e and e["kind"] not in KINDS:
                    errs.append("entity %r bad kind %r" % (eid, e["kind"]))
                ents[eid] = e
            for i, q in enumerate(gold.get("quantities", [])):
                w = "quantity[%d]" % i
                if not isinstance(q.get("value"), (int, float)) or isinstance(q.get("value"), bool):
                    errs.append("%s: value not a number" % w)
                if not q.get("unit"):
                    errs.append("%s: no unit" % w)
                if not isinstance(q.get("approx"), bool):
                    errs.append("%s: approx must be true/false" % w)
                if not q.get("text") or q["text"] not in body:
                    errs.append("%s: text %r not in body" % (w, q.get("text")))
            for i, d in enumerate(gold.get("dates", [])):
                w = "date[%d]" % i
                if not d.get("text") or d["text"] not in body:
                    errs.append("%s: text %r not in body" % (w, d.get("text")))
                check_date(d, w, errs)
            for i, ev in enumerate(gold.get("events", [])):
                w = "event[%d] %s/%s" % (i, ev.get("type"), ev.get("trigger"))
                if ev.get("type") not in EVENT_TYPES:
                    errs.append("%s: bad type" % w)
                quote, trig = ev.get("quote", ""), ev.get("trigger", "")
                if not quote or quote not in body:
                    errs.append("%s: quote %r not in body" % (w, quote))
                if not trig or trig not in quote:
                    errs.append("%s: trigger not in quote" % w)
                if not 20 <= len(quote) <= 80:
                    errs.append("%s: quote length %d not in 20-80" % (w, len(quote)))
                if ev.get("modality", "reported") not in MODALITIES:
                    errs.append("%s: bad modality %r" % (w, ev.get("modality")))
                for r in ev.get("roles", []):
                    if r.get("role") not in ROLES:
                        errs.append("%s: bad role %r" % (w, r.get("role")))
                    if r.get("entity") not in ents:
                        errs.append("%s: role entity %r not in entities" % (w, r.get("entity")))
                if "time" in ev:
                    check_date(ev["time"], w + " time", errs)
            for i, a in enumerate(gold.get("attributions", [])):
                w = "attribution[%d]" % i
                if not a.get("quote") or a["quote"] not in body:
                    errs.append("%s: quote %r not in body" % (w, a.get("quote")))
                src = a.get("source", "")
                if ":" in src and src not in ents:
                    errs.append("%s: source %r not in entities" % (w, src))
                if ":" not in src and (not src or src != src.lower()):
                    errs.append("%s: non-entity source must be a lower-case phrase: %r" % (w, src))
            for k in ("entities", "quantities", "dates", "events", "attributions"):
                total[k] += len(gold.get(k, []))
        total["articles"] += 1
        status = "ok" if not errs else "FAIL"
        print("%-40s %-11s %-7s %3d words  %s" % (slug, hdr.get("style"), hdr.get("split"), words, status))
        for e in errs:
            print("    - " + e)
        bad += len(errs)
    print("totals: " + ", ".join("%s=%d" % kv for kv in total.items()))
    print("splits: " + ", ".join("%s=%d" % (k, len(v)) for k, v in sorted(splits.items(), key=str)))
    if bad:
        print("%d problem(s)" % bad)
        return 1
    print("clean")
    return 0


if __name__ == "__main__":
    dirs = sys.argv[1:] or [os.path.dirname(os.path.abspath(__file__))]
    rc = 0
    for d in dirs:
        if len(dirs) > 1:
            print("== " + d)
        rc |= check(d)
    sys.exit(rc)
