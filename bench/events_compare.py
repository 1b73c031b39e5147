#!/usr/bin/env python3
"""Checks bench/events_vs_pandas.sh's two outputs against each other: every directed dyad-month
of pandas (country codes mapped to COW ccodes by the generator's FILE.codes.tsv; pandas's
same-country rows, which entente leaves out, dropped) has the same event count in entente's CSV,
and no cell is in one output only. Goldstein sums and quad counts are compared too and the cells
that differ are counted: pandas reads GDELT's own QuadClass and GoldsteinScale columns, entente
the pinned CAMEO table and the root rule (docs/models/events.md says where they differ).

    python3 bench/events_compare.py PANDAS.csv ENTENTE.csv CODES.tsv
"""
import csv
import sys

pandas_csv, entente_csv, codes_tsv = sys.argv[1:4]
ccode = {}
with open(codes_tsv) as f:
    for line in f:
        code, c = line.split()
        ccode[code] = int(c)

expected = {}
with open(pandas_csv) as f:
    for row in csv.DictReader(f):
        a, b = ccode[row["Actor1CountryCode"]], ccode[row["Actor2CountryCode"]]
        if a == b:
            continue
        key = (int(row["month"]) * 100 + 1, a, b)
        quads = tuple(int(row[f"quad{q}"]) for q in range(1, 5))
        expected[key] = (int(row["events"]), float(row["GoldsteinScale"]), quads)

seen = {}
with open(entente_csv) as f:
    for row in csv.DictReader(f):
        key = (int(row["period_start"]), int(row["source"]), int(row["target"]))
        quads = tuple(int(row[f"quad_events_{q}"]) for q in
                      ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"))
        seen[key] = (int(row["events"]), float(row["goldstein_sum"]), quads)

only_pandas = len(set(expected) - set(seen))
only_entente = len(set(seen) - set(expected))
count_differs = sum(1 for k in expected if k in seen and expected[k][0] != seen[k][0])
goldstein_differs = sum(1 for k in expected if k in seen and abs(expected[k][1] - seen[k][1]) > 1e-6)
quads_differ = sum(1 for k in expected if k in seen and expected[k][2] != seen[k][2])
print(f"cells: pandas {len(expected)}, entente {len(seen)}; only in pandas {only_pandas}, only in entente "
      f"{only_entente}; event count differs in {count_differs}")
print(f"Goldstein sum differs in {goldstein_differs} cells, quad counts in {quads_differ} "
      f"(GDELT's columns against the CAMEO table)")
sys.exit(0 if only_pandas == only_entente == count_differs == 0 else 1)
