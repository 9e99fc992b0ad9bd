#!/usr/bin/env python3
"""Builds a deterministic benchmark corpus of N MB from real government documents.

Paragraphs of every document under --from (default: ../shared/corpus, else
Fixtures/documents) are shuffled with a fixed seed and repeated until the
corpus reaches N MB (UTF-8). Writes two files into --out:

  corpus-<N>mb.txt    plain text, one paragraph a line
  corpus-<N>mb.jsonl  JSON Lines documents {"id": "doc-000001", "text": ...},
                      30 paragraphs each

Usage: python3 Benchmarks/make-corpus.py [--mb 100] [--seed 20241127] [--out .build/corpus]
The same arguments give the same bytes on every machine.
"""

import argparse
import json
import os
import random
import sys


def paragraphs(root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".txt"):
                files.append(os.path.join(dirpath, name))
    out = []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if len(line) >= 8:
                    out.append(line)
    return files, out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    default_from = os.path.join(os.path.dirname(repo), "shared", "corpus")
    if not os.path.isdir(default_from):
        default_from = os.path.join(repo, "Fixtures", "documents")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100, help="size of each file in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=20241127)
    ap.add_argument("--from", dest="source", default=default_from)
    ap.add_argument("--out", default=os.path.join(repo, ".build", "corpus"))
    ap.add_argument("--per-doc", type=int, default=30, help="paragraphs per JSON Lines document")
    args = ap.parse_args()

    files, paras = paragraphs(args.source)
    if not paras:
        sys.exit(f"make-corpus: no paragraphs under {args.source}")
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    target = int(args.mb * 1_000_000)
    name = f"corpus-{args.mb:g}mb"
    txt_path = os.path.join(args.out, name + ".txt")
    jsonl_path = os.path.join(args.out, name + ".jsonl")

    order = list(range(len(paras)))
    written_txt = 0
    written_jsonl = 0
    doc = []
    n_doc = 0
    with open(txt_path, "w", encoding="utf-8", newline="\n") as txt, open(
        jsonl_path, "w", encoding="utf-8", newline="\n"
    ) as jl:
        while written_txt < target or written_jsonl < target:
            rng.shuffle(order)
            for k in order:
                p = paras[k]
                if written_txt < target:
                    line = p + "\n"
                    txt.write(line)
                    written_txt += len(line.encode("utf-8"))
                if written_jsonl < target:
                    doc.append(p)
                    if len(doc) == args.per_doc:
                        n_doc += 1
                        rec = json.dumps({"id": f"doc-{n_doc:06d}", "text": "\n".join(doc)}, ensure_ascii=False) + "\n"
                        jl.write(rec)
                        written_jsonl += len(rec.encode("utf-8"))
                        doc = []
                if written_txt >= target and written_jsonl >= target:
                    break
    print(f"make-corpus: {len(files)} documents, {len(paras)} paragraphs from {args.source}")
    print(f"make-corpus: {txt_path} ({written_txt / 1e6:.1f} MB), {jsonl_path} ({written_jsonl / 1e6:.1f} MB, {n_doc} documents)")


if __name__ == "__main__":
    main()
