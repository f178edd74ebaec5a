#!/usr/bin/env python3
"""Check the gazetteer *.jsonl files (stdlib only).

    python3 extract/gazetteer/check.py [dir]

Verifies: valid JSON per line (reports file:line), required fields, allowed kind, id pattern and
prefix matching kind, ids unique across all files, field types, countries carrying the three ISO keys,
references in "country" pointing at an existing country id; and reports every normalised surface
string (name/alias/demonym/capital; lower-case, diacritics folded, punctuation -> space) that belongs
to two different entities. All-caps aliases are matched case-sensitively by the extractor, so they are
compared as written. Exit status 1 on errors; ambiguities are errors too unless listed in ALLOWED_AMBIGUOUS.
"""
import glob
import json
import os
import re
import sys
import unicodedata

KINDS = {
    "Country": "country",
    "Person": "person",
    "Organization": "org",
    "WeaponSystem": "weapon",
    "Facility": "facility",
    "Location": "location",
    "Vessel": "vessel",
}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$")
LIST_FIELDS = ("aliases", "short", "titles", "demonyms", "capitals")
KNOWN = {"id", "kind", "name", "aliases", "short", "titles", "country", "demonyms", "capitals", "keys", "description", "usage", "terms", "org"}
# Normalised strings knowingly shared by several entities (none at present).
ALLOWED_AMBIGUOUS = set()


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm(s):
    if s.isupper():  # all-caps aliases are matched case-sensitively
        return "CS:" + re.sub(r"[^A-Za-z0-9]+", " ", fold(s)).strip()
    return re.sub(r"[^a-z0-9]+", " ", fold(s).lower()).strip()


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, entities = [], {}
    counts = {}
    for path in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
        fn = os.path.basename(path)
        counts[fn] = 0
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                s = line.strip()
                if not s or s.startswith("#"):
                    continue
                where = "%s:%d" % (fn, ln)
                try:
                    e = json.loads(s)
                except json.JSONDecodeError as ex:
                    errors.append("%s: invalid JSON: %s" % (where, ex))
                    continue
                if not isinstance(e, dict):
                    errors.append("%s: not an object" % where)
                    continue
                counts[fn] += 1
                for k in ("id", "kind", "name"):
                    if not isinstance(e.get(k), str) or not e.get(k).strip():
                        errors.append("%s: missing or empty %s" % (where, k))
                for k in e:
                    if k not in KNOWN:
                        errors.append("%s: unknown field %r" % (where, k))
                id_, kind = e.get("id", ""), e.get("kind", "")
                if kind not in KINDS:
                    errors.append("%s: kind %r not allowed" % (where, kind))
                if not isinstance(id_, str) or not ID_RE.match(id_):
                    errors.append("%s: id %r does not match %s" % (where, id_, ID_RE.pattern))
                    continue
                if kind in KINDS and not id_.startswith(KINDS[kind] + ":"):
                    errors.append("%s: id %r prefix does not match kind %s" % (where, id_, kind))
                if id_ in entities:
                    errors.append("%s: duplicate id %r (first at %s)" % (where, id_, entities[id_][1]))
                    continue
                for k in LIST_FIELDS:
                    if k in e and (not isinstance(e[k], list) or not all(isinstance(x, str) and x.strip() for x in e[k])):
                        errors.append("%s: %s must be a list of non-empty strings" % (where, k))
                if "usage" in e and (not isinstance(e["usage"], dict) or not all(
                        isinstance(src, str) and ID_RE.match(src) and isinstance(fs, list) and fs and
                        all(isinstance(x, str) and x.strip() for x in fs) for src, fs in e["usage"].items())):
                    errors.append("%s: usage must map source ids to lists of non-empty strings" % where)
                if "titles" in e and kind != "Person":
                    errors.append("%s: titles only for Person" % where)
                def span_ok(d):
                    return isinstance(d, list) and len(d) == 2 and all(
                        isinstance(x, str) and (x == "" or re.match(r"^\d{4}-\d{2}-\d{2}$", x)) for x in d)
                if "terms" in e and (not isinstance(e["terms"], dict) or not all(
                        t in e.get("titles", []) and (span_ok(d) or isinstance(d, list) and d and all(span_ok(x) for x in d))
                        for t, d in e["terms"].items())):
                    errors.append("%s: terms must map titles of the entry to [from, until] days (YYYY-MM-DD or \"\"), or lists of them" % where)
                if ("demonyms" in e or "capitals" in e) and kind != "Country":
                    errors.append("%s: demonyms/capitals only for Country" % where)
                if "country" in e and (kind == "Country" or not isinstance(e["country"], str)):
                    errors.append("%s: bad country field" % where)
                if "keys" in e and (not isinstance(e["keys"], dict) or
                                    not all(isinstance(v, str) for v in e["keys"].values())):
                    errors.append("%s: keys must be an object with string values" % where)
                if kind == "Country":
                    keys = e.get("keys") or {}
                    for k in ("iso3166_alpha2", "iso3166_alpha3", "iso3166_numeric"):
                        if not keys.get(k):
                            errors.append("%s: country without keys.%s" % (where, k))
                    if keys.get("iso3166_alpha3") and id_ != "country:" + keys["iso3166_alpha3"]:
                        errors.append("%s: id does not match iso3166_alpha3" % where)
                if "description" in e and not isinstance(e["description"], str):
                    errors.append("%s: description must be a string" % where)
                entities[id_] = (e, where)

    for id_, (e, where) in entities.items():
        c = e.get("country")
        if isinstance(c, str) and (c not in entities or entities[c][0].get("kind") != "Country"):
            errors.append("%s: country %r is not a known country id" % (where, c))
        o = e.get("org")
        if o is not None and (e.get("kind") != "Person" or not isinstance(o, str) or o not in entities or entities[o][0].get("kind") != "Organization"):
            errors.append("%s: org %r is not a known organisation id (and only people have one)" % (where, o))

    surface = {}
    for id_, (e, where) in entities.items():
        strs = [e.get("name", "")]
        for k in ("aliases", "demonyms", "capitals"):
            strs += [x for x in e.get(k, []) if isinstance(x, str)]
        for s in strs:
            n = norm(s)
            if not n or n == "CS:":
                continue
            surface.setdefault(n, {}).setdefault(id_, s)
    ambiguous = {n: ids for n, ids in surface.items() if len(ids) > 1}

    for fn, n in counts.items():
        print("%-22s %4d entries" % (fn, n))
    print("%-22s %4d entries" % ("total", sum(counts.values())))
    for n in sorted(ambiguous):
        tag = "allowed" if n in ALLOWED_AMBIGUOUS else "AMBIGUOUS"
        print("%s %r: %s" % (tag, n, ", ".join("%s (%r)" % (i, s) for i, s in sorted(ambiguous[n].items()))))
        if n not in ALLOWED_AMBIGUOUS:
            errors.append("ambiguous surface string %r" % n)
    for err in errors:
        print("ERROR", err)
    print("OK" if not errors else "%d error(s)" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
