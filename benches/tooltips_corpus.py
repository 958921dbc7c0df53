#!/usr/bin/env python3
"""Quality counts of `connlint tooltips` over the connector corpus (issue 10).

Usage:
    benches/tooltips_corpus.py [--bin target/release/connlint] [--corpus ../shared/corpus]
                               [--sample N] [--seed S] [--json OUT] [--words FILE]

Runs `connlint tooltips CORPUS --format json` once over the whole corpus, then reads each
definition itself (plain JSON, no connlint code) to count:

- suggestions: all, labels (`x-ms-summary`), descriptions;
- run-together labels: a label that is one capitalised word ("Maxresults", "Boardid")
  which is not a word of --dict but splits into two or more words of --words (each of
  three letters or more, or "id"). Both default to src/suggest/words.txt, the list the
  engine bundles; give independent lists (SCOWL size 50 for --dict, the 20,000 most
  frequent English words for --words) for a fair count. A screen, not a proof;
- labels that differ from the schema `title` the field already has (ignoring case and
  spaces; titles that are the identifier itself, like "FileName" for `FileName`, or
  empty, do not count);
- descriptions of the empty form "The X for the “Y” action.";
- suggestions whose every operation is deprecated or internal (makers never see them);
- descriptions that say nothing beyond the label and the action: every content word is a
  word of the field's name or label or of the action's name ("The status to use.",
  "The inputs for the “Create a task” action.").

With --sample N it also prints N suggestions drawn at random (seeded), to read as the
maker would.
"""

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def load_json(path):
    text = Path(path).read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
    try:
        return json.loads(text)
    except ValueError:
        return None


def resolve(root, pointer):
    node = root
    if pointer == "":
        return node
    for token in pointer.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list):
            try:
                node = node[int(token)]
            except (ValueError, IndexError):
                return None
        else:
            return None
        if node is None:
            return None
    return node


def deref(root, node):
    for _ in range(32):
        if isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#"):
            node = resolve(root, node["$ref"][1:])
        else:
            break
    return node


def title_of(root, node):
    if not isinstance(node, dict):
        return None
    if isinstance(node.get("title"), str):
        return node["title"]
    schema = deref(root, node.get("schema"))
    if isinstance(schema, dict) and isinstance(schema.get("title"), str):
        return schema["title"]
    return None


def hidden(op):
    if not isinstance(op, dict):
        return False
    vis = op.get("x-ms-visibility")
    return op.get("deprecated") is True or (isinstance(vis, str) and vis.lower() == "internal")


def load_words(path):
    path = Path(path)
    if not path.exists():
        return set()
    return {
        w.strip()
        for w in path.read_text().splitlines()
        if w.strip() and not w.startswith("#")
    }


def splits(word, words, depth=0):
    """Whether `word` is two or more words of the list (each 3+ letters, or "id")."""
    if depth > 4:
        return False
    for i in range(2, len(word) - 1):
        head, tail = word[:i], word[i:]
        ok = lambda w: w in words and (len(w) >= 3 or w == "id")
        if ok(head) and (ok(tail) or splits(tail, words, depth + 1)):
            return True
    return False


EMPTY_FORM = re.compile(r"^The .+ for the \u201c.+\u201d action\.$")


STOP = {"the", "a", "an", "to", "use", "for", "of", "action", "this", "that", "is", "be", "in", "on"}


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def tokens(s):
    """Lower-case words, identifiers split at case changes, digits and punctuation."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", s)
    return [w for w in re.split(r"[^a-z0-9]+", s.lower()) if w]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / "target/release/connlint"))
    ap.add_argument("--corpus", default=str(REPO / "../shared/corpus"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--json")
    ap.add_argument("--words", default=str(REPO / "src/suggest/words.txt"))
    ap.add_argument("--dict", help="whole words (default: --words)")
    ap.add_argument("--input", help="read this saved `tooltips --format json` output instead of running connlint")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"tooltips_corpus.py: SKIP: no corpus at {corpus}", file=sys.stderr)
        return 0
    if args.input:
        files = json.loads(Path(args.input).read_text())["files"]
    else:
        run = subprocess.run(
            [args.bin, "tooltips", str(corpus), "--format", "json"],
            capture_output=True,
        )
        if run.returncode not in (0, 2) or b"panicked" in run.stderr:
            sys.stderr.write(run.stderr.decode("utf-8", "replace"))
            print("tooltips_corpus.py: connlint failed", file=sys.stderr)
            return 1
        files = json.loads(run.stdout)["files"]
    words = load_words(args.words)
    whole = load_words(args.dict) if args.dict else words
    c = dict.fromkeys(
        [
            "connectors",
            "suggestions",
            "labels",
            "descriptions",
            "run_together_labels",
            "labels_on_titled_fields",
            "labels_differing_from_title",
            "empty_form_descriptions",
            "on_hidden_operations",
            "descriptions_saying_nothing",
            "todo_descriptions",
            "todo_descriptions_written",
        ],
        0,
    )
    everything = []
    for f in files:
        root = load_json(f["path"])
        if root is None:
            continue
        c["connectors"] += 1
        labels = {}
        for s in f["suggestions"]:
            if s["key"] == "x-ms-summary":
                labels[s["pointer"]] = s["value"]
        for s in f["suggestions"]:
            c["suggestions"] += 1
            everything.append((f["path"], s))
            node = resolve(root, s["pointer"])
            ops = [resolve(root, u["pointer"]) for u in s["used_by"]]
            if ops and all(hidden(o) for o in ops):
                c["on_hidden_operations"] += 1
            value = s["value"]
            if s["key"] == "x-ms-summary":
                c["labels"] += 1
                if re.fullmatch(r"[A-Z][a-z]{4,}", value):
                    w = value.lower()
                    if w not in whole and splits(w, words):
                        c["run_together_labels"] += 1
                title = title_of(root, node)
                if title is not None and title.strip() and norm(title) != norm(s["name"]):
                    c["labels_on_titled_fields"] += 1
                    if norm(value) != norm(title):
                        c["labels_differing_from_title"] += 1
            else:
                c["descriptions"] += 1
                if EMPTY_FORM.match(value):
                    c["empty_form_descriptions"] += 1
                if value.startswith("TODO"):
                    c["todo_descriptions"] += 1
                    if not s.get("todo", False):
                        c["todo_descriptions_written"] += 1
                label = labels.get(s["pointer"])
                if label is None and isinstance(node, dict):
                    label = node.get("x-ms-summary")
                label = label or s["name"]
                known = set(tokens(s["name"])) | set(tokens(label if isinstance(label, str) else ""))
                for u in s["used_by"]:
                    known |= set(tokens(u["name"]))
                content = [w for w in tokens(value) if w not in STOP]
                if all(w in known for w in content):
                    c["descriptions_saying_nothing"] += 1
    width = max(len(k) for k in c)
    for k, v in c.items():
        print(f"{k:<{width}}  {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(c, indent=2) + "\n")
    if args.sample:
        rng = random.Random(args.seed)
        print()
        for path, s in rng.sample(everything, min(args.sample, len(everything))):
            name = Path(path).parent.name
            used = ", ".join(u["name"] for u in s["used_by"])
            cur = f"  (now {s['current']!r})" if s["current"] is not None else ""
            print(f"[{name}] {s['location']} `{s['name']}` in {used}\n    {s['key']}: {s['value']!r}{cur}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
