#!/usr/bin/env python3
"""eval-names.py — how many capitalised name phrases of the PolNeAR `train`
stories tidings leaves unrecognised (no actor, place or time expression over
them), and how many of its actors carry a code. PolNeAR has no gold actors,
so this measures coverage, not correctness; --sample prints coded and person
entities in context for judging by hand.

Every train story (text/NAME.txt, story date from metadata.tsv, else
2016-06-01) goes to tidings in one run as JSON Lines on standard input
(`tidings annotate --format jsonl -`). A "capitalised name phrase" is a
maximal run of words, separated by spaces only, that begin with an
upper-case letter (or `al-`/`el-`... + capital), with the connectors of,
for, the, de, del, van, von, al, bin, ... allowed between capitalised words;
`'s` is stripped and ends the run, an abbreviation's period stays in it.
Left out: the headline (the story's first paragraph: title case); the
pronoun I (I'm, I've...); the corpus' section lines ABSTRACT. and FULL
TEXT.; weekday names, and month names standing alone or before a number,
trimmed from either end of a run; and a word that opens a sentence, a quote
or a clause after `:` or a dash when it is a common word: its lower-case
form occurs lower case in the corpus at least as often as it occurs
capitalised outside such an opening position (`The`, `But`; not `Trump`).
Such a word is trimmed from the start of its run; a run left empty is
dropped.
A phrase is recognised when its byte span overlaps an entity, a place or a
timex of tidings' output; a word when its span does.

Usage: eval-names.py [--tidings BIN] [--save FILE | --load FILE] [--top N]
                     [--sample N_CODED N_PERSON] [--seed S] POLNEAR_DIR
  e.g. scripts/eval-names.py --tidings build/tidings ../shared/corpora/polnear
  --save FILE keeps tidings' JSON Lines output; --load FILE reads it
  instead of running tidings. --sample prints N_CODED random entities with a
  code and N_PERSON random person entities (seed S, default 2016, and S+1
  for the persons; the order is a hash of seed, document and span, stable
  across builds), each
  with 160 bytes of context before and 100 after, as TSV after the
  report. --unrec-out FILE writes every unrecognised phrase with context.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import signal
import subprocess
import sys

DEFAULT_DATE = "2016-06-01"

CONNECTORS = {"of", "for", "the", "de", "del", "della", "di", "da", "du", "des",
              "van", "von", "der", "den", "la", "le", "al", "el", "bin",
              "ibn", "y"}
ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|an|as|ash|at|az|ar|bin|ibn|abu)-\w",
                           re.I)
MONTHS_DAYS = {w.lower() for w in """
January February March April May June July August September October November
December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays
Wednesdays Thursdays Fridays Saturdays Sundays Mon Tue Tues Wed Thu Thur
Thurs Fri Sat Sun""".split()}
WEEKDAYS = {w for w in MONTHS_DAYS if w.startswith(("mon", "tue", "wed", "thu",
                                                  "fri", "sat", "sun"))}
ABBREVS = {"Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov",
           "Gen", "Lt", "Col", "Sgt", "Capt", "St", "Jr", "Sr", "Inc", "Co",
           "Corp", "Ltd", "Rev", "Prof", "Pres", "Ft", "Mt", "Adm", "Maj",
           "Cmdr", "Gens", "Govs", "No", "Vol"}
WORD = re.compile(r"\w+(?:[-'’.&]\w+)*")
# PolNeAR's New York Times stories carry these section lines
MARKER = re.compile(r"[ \t]*(?:ABSTRACT|FULL TEXT)\.[ \t]*(?:\n|$)")
POSSESSIVE = re.compile(r"['’][sS]$")
OPENERS = set("\"“‘'«(:—–-")


def is_cap(tok):
    c = tok[0]
    return c.isupper() or bool(ARABIC_PREFIX.match(tok) and
                                any(ch.isupper() for ch in tok))


def load_corpus(root):
    meta = {}
    mpath = os.path.join(root, "metadata.tsv")
    if os.path.exists(mpath):
        with open(mpath, encoding="utf-8") as f:
            head = f.readline().rstrip("\n").split("\t")
            for line in f:
                row = dict(zip(head, line.rstrip("\n").split("\t")))
                meta[row.get("filename")] = row
    tdir = os.path.join(root, "train", "text")
    docs = []
    for name in sorted(os.listdir(tdir)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        with open(os.path.join(tdir, name), encoding="utf-8") as f:
            text = f.read()
        date = meta.get(stem, {}).get("publication_date") or ""
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
            date = DEFAULT_DATE
        docs.append({"id": stem, "date": date, "text": text})
    return docs


def run_tidings(binary, docs, save):
    inp = "".join(json.dumps({"id": d["id"], "date": d["date"],
                              "text": d["text"]}, ensure_ascii=False) + "\n"
                  for d in docs)
    p = subprocess.run([binary, "annotate", "--format", "jsonl", "--no-text",
                        "-"], input=inp.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit("tidings failed (%d): %s" % (p.returncode,
                                              p.stderr.decode()[:2000]))
    if p.stderr:
        sys.stderr.write(p.stderr.decode())
    out = p.stdout.decode("utf-8")
    if save:
        with open(save, "w", encoding="utf-8") as f:
            f.write(out)
    return out


def byte_offsets(text):
    """offs[i] = byte offset of character i (offs[len] = byte length)."""
    offs, b = [], 0
    for ch in text:
        offs.append(b)
        b += len(ch.encode("utf-8"))
    offs.append(b)
    return offs


def tokenize(text):
    """Words as (start, end, word, possessive) character spans; the period of
    an abbreviation (U.S., Sen., initials) is kept on its word."""
    toks = []
    for m in WORD.finditer(text):
        s, e, w = m.start(), m.end(), m.group(0)
        poss = False
        pm = POSSESSIVE.search(w)
        if pm and len(w) > 2:
            e -= 2
            w = w[:-2]
            poss = True
        elif (e < len(text) and text[e] == "." and
              ("." in w or (len(w) == 1 and w.isupper()) or w in ABBREVS)):
            e += 1
            w += "."
        toks.append([s, e, w, poss])
    return toks


def opening_positions(text, toks, sent_starts):
    """Indices of tokens that open a sentence, a quote or a clause."""
    opens = set()
    for i, (s, e, w, p) in enumerate(toks):
        if s in sent_starts:
            opens.add(i)
            continue
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        prev_tok_end = toks[i - 1][1] if i else 0
        if j < 0 or text[j] == "\n":
            opens.add(i)       # paragraph start
        elif text[j] in OPENERS and j >= prev_tok_end:
            opens.add(i)
    return opens


def raw_runs(text, toks):
    """Maximal runs of capitalised words joined by spaces (no punctuation,
    no line break) and inner connectors; returns lists of token indices."""
    runs, cur = [], []

    def close():
        while cur and not is_cap(toks[cur[-1]][2]):
            cur.pop()
        if cur:
            runs.append(list(cur))
        cur.clear()

    for i, (s, e, w, poss) in enumerate(toks):
        if cur:
            gap = text[toks[cur[-1]][1]:s]
            if gap.strip(" \t") != "" or toks[cur[-1]][3]:
                close()
        if is_cap(w):
            cur.append(i)
        elif cur and w.lower() in CONNECTORS:
            cur.append(i)
        else:
            close()
    close()
    return runs


def spans_of(doc):
    out = []
    for layer in ("entities", "places", "timexes"):
        for x in doc.get(layer) or []:
            out.append((x["start"], x["end"], layer))
    return out


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under | head
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--tidings", default="build/tidings")
    ap.add_argument("--save")
    ap.add_argument("--load")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sample", type=int, nargs=2, metavar=("N_CODED",
                                                              "N_PERSON"))
    ap.add_argument("--seed", type=int, default=2016)
    ap.add_argument("--unrec-out", help="write every unrecognised phrase "
                    "(doc, byte start, end, phrase, context) as TSV")
    a = ap.parse_args()

    docs = load_corpus(a.corpus)
    if a.load:
        out = open(a.load, encoding="utf-8").read()
    else:
        out = run_tidings(a.tidings, docs, a.save)
    ann = {}
    for line in out.splitlines():
        if line.strip():
            d = json.loads(line)
            ann[d["id"]] = d
    missing = [d["id"] for d in docs if d["id"] not in ann]
    if missing:
        print("warning: %d documents missing from tidings' output: %s"
              % (len(missing), ", ".join(missing[:5])), file=sys.stderr)

    # Pass 1: tokens, openings, counts for the common-word rule.
    lower_n = collections.Counter()   # lower-case occurrences of a form
    capmid_n = collections.Counter()  # capitalised, not in opening position
    prepared = []
    for d in docs:
        if d["id"] not in ann:
            continue
        text = d["text"]
        offs = byte_offsets(text)
        b2c = {b: i for i, b in enumerate(offs)}
        sent_starts = set()
        for snt in ann[d["id"]].get("sentences") or []:
            if snt["start"] in b2c:
                sent_starts.add(b2c[snt["start"]])
        toks = tokenize(text)
        # skip whitespace/quotes at sentence starts: a sentence opening
        # with a quote opens at its first word
        starts = set()
        for c in sent_starts:
            j = c
            while j < len(text) and not (text[j].isalnum()):
                j += 1
            starts.add(j)
        opens = opening_positions(text, toks, starts)
        m = re.search(r"\n\s*\n", text)
        head_end = m.start() if m else 0
        for i, (s, e, w, p) in enumerate(toks):
            if w[0].islower():
                lower_n[w.lower()] += 1
            elif w[0].isupper() and i not in opens:
                capmid_n[w] += 1
        prepared.append((d, text, offs, toks, opens, head_end))

    def common(w):
        return lower_n[w.lower()] >= max(1, capmid_n[w])

    def timeword(run, k):
        # a weekday, or a month standing alone or before a number ("June 5";
        # not the surname of "Jill June")
        w = toks[run[k]][2].rstrip(".")
        if w.lower() not in MONTHS_DAYS:
            return False
        if w.lower() in WEEKDAYS or len(run) == 1:
            return True
        return bool(re.match(r"[ \t]*\d", text[toks[run[k]][1]:]))

    # Pass 2: phrases and coverage.
    n_phr = n_unrec = n_tok = n_tok_unrec = n_noent = 0
    by_layer = collections.Counter()
    unrec = collections.Counter()
    unrec_ex = {}
    rec_place_only = collections.Counter()
    rows = []
    for d, text, offs, toks, opens, head_end in prepared:
        spans = spans_of(ann[d["id"]])
        for run in raw_runs(text, toks):
            if toks[run[0]][0] < head_end:
                continue
            # trim month/weekday names at either end, then a common opener
            changed = True
            while changed and run:
                changed = False
                if timeword(run, 0):
                    run = run[1:]
                    changed = True
                elif timeword(run, -1):
                    run = run[:-1]
                    changed = True
                elif run[0] in opens and common(toks[run[0]][2]):
                    run = run[1:]
                    changed = True
                while run and not is_cap(toks[run[0]][2]):
                    run = run[1:]
                while run and not is_cap(toks[run[-1]][2]):
                    run = run[:-1]
            if not run:
                continue
            if len(run) == 1 and re.fullmatch(r"I(?:['’](?:m|ve|ll|d))?",
                                               toks[run[0]][2]):
                continue
            ls = text.rfind("\n", 0, toks[run[0]][0]) + 1
            if MARKER.match(text, ls):
                continue
            cs, ce = toks[run[0]][0], toks[run[-1]][1]
            bs, be = offs[cs], offs[ce]
            phrase = text[cs:ce]
            hits = {lay for (s, e, lay) in spans if s < be and e > bs}
            n_phr += 1
            for lay in hits:
                by_layer[lay] += 1
            if "entities" not in hits:
                n_noent += 1
            if hits == {"places"}:
                rec_place_only[phrase] += 1
            if not hits:
                n_unrec += 1
                unrec[phrase] += 1
                if phrase not in unrec_ex:
                    unrec_ex[phrase] = d["id"]
                rows.append((d["id"], bs, be, phrase,
                             text[max(0, cs - 80):ce + 80].replace("\n", " ")))
            for i in run:
                s, e = offs[toks[i][0]], offs[toks[i][1]]
                n_tok += 1
                if not any(ss < e and ee > s for (ss, ee, lay) in spans):
                    n_tok_unrec += 1

    # Entities: share with a code.
    ents = [(did, x) for did, dd in ann.items()
            for x in dd.get("entities") or []]
    coded = [x for _, x in ents if x.get("code")]
    kinds = collections.Counter(x["kind"] for _, x in ents)
    kinds_coded = collections.Counter(x["kind"] for x in coded)
    named = [x for _, x in ents if x["text"][:1].isupper()]
    named_coded = [x for x in named if x.get("code")]
    codes = collections.Counter(x["code"] for x in coded)

    pct = lambda a_, b_: 100.0 * a_ / b_ if b_ else 0.0
    print("PolNeAR train: name phrases left unrecognised by tidings")
    print("documents            %d" % len(prepared))
    print("phrases              %d (%d words)" % (n_phr, n_tok))
    print("unrecognised phrases %d  = %.1f%%" % (n_unrec, pct(n_unrec, n_phr)))
    print("unrecognised words   %d  = %.1f%%" % (n_tok_unrec,
                                                pct(n_tok_unrec, n_tok)))
    print("no entity over them  %d  = %.1f%% (a place or timex alone does "
          "not count)" % (n_noent, pct(n_noent, n_phr)))
    print("phrases overlapping: entities %d (%.1f%%), places %d (%.1f%%), "
          "timexes %d (%.1f%%); places only %d (%.1f%%)"
          % (by_layer["entities"], pct(by_layer["entities"], n_phr),
             by_layer["places"], pct(by_layer["places"], n_phr),
             by_layer["timexes"], pct(by_layer["timexes"], n_phr),
             sum(rec_place_only.values()),
             pct(sum(rec_place_only.values()), n_phr)))
    print("entities             %d, with a code %d = %.1f%%"
          % (len(ents), len(coded), pct(len(coded), len(ents))))
    print("  capitalised text   %d, with a code %d = %.1f%%"
          % (len(named), len(named_coded), pct(len(named_coded), len(named))))
    for k, n in kinds.most_common():
        print("  %-18s %6d, with a code %6d = %5.1f%%"
              % (k, n, kinds_coded[k], pct(kinds_coded[k], n)))
    print("most frequent codes  " + ", ".join("%s %d" % kv
                                             for kv in codes.most_common(15)))
    print()
    print("top %d unrecognised phrases (count, phrase, first document)"
          % a.top)
    for ph, n in unrec.most_common(a.top):
        print("%6d  %-40s %s" % (n, ph, unrec_ex[ph]))
    print()
    print("top 20 phrases recognised only as a place")
    for ph, n in rec_place_only.most_common(20):
        print("%6d  %s" % (n, ph))

    if a.unrec_out:
        with open(a.unrec_out, "w", encoding="utf-8") as f:
            for r in rows:
                f.write("\t".join(str(x) for x in r) + "\n")

    if a.sample:
        texts = {d["id"]: d["text"] for d in docs}
        coded_all = [(did, x) for did, x in ents if x.get("code")]
        persons = [(did, x) for did, x in ents if x["kind"] == "person"]
        # the person sample is drawn with seed + 1, so that the two samples
        # do not pick the same coded persons
        for label, pool, n, seed in (
                ("coded", coded_all, a.sample[0], a.seed),
                ("person", persons, a.sample[1], a.seed + 1)):
            print()
            print("sample %s: %d of %d (seed %d)" % (label, min(n, len(pool)),
                                                     len(pool), seed))
            # ordered by a hash of seed, document and span, so that the
            # sample stays put when a new build adds or drops a few entities
            pick = sorted(pool, key=lambda dx: hashlib.sha1(
                ("%d:%s:%d:%d" % (seed, dx[0], dx[1]["start"],
                                  dx[1]["end"])).encode()).digest())[:n]
            for k, (did, x) in enumerate(pick):
                raw = texts[did].encode("utf-8")
                ctx = (raw[max(0, x["start"] - 160):x["start"]].decode(
                    "utf-8", "ignore") + "[[" + raw[x["start"]:x["end"]]
                    .decode("utf-8") + "]]" + raw[x["end"]:x["end"] + 100]
                    .decode("utf-8", "ignore")).replace("\n", " ")
                print("%s%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s" % (
                    label[0], k + 1, did, x["id"], x["kind"],
                    x.get("code") or "-", x.get("ref") or "-",
                    x.get("name") or "-", json.dumps(x.get("attrs") or {}),
                    ctx))


if __name__ == "__main__":
    main()
