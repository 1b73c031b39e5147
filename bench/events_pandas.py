#!/usr/bin/env python3
"""The pandas side of bench/events_vs_pandas.sh: a GDELT 1.0 file (tab-separated, no header) →
per directed dyad-month (Actor1CountryCode, Actor2CountryCode, SQLDATE month), rows with both
country codes only: event count, Goldstein sum, counts per quad class, mentions and the
mention-weighted Goldstein sum, as CSV. read_csv with the C engine, only the columns used,
categorical keys, one groupby-sum.

    python3 bench/events_pandas.py FILE OUT.csv
"""
import csv
import sys

import pandas as pd

source, out = sys.argv[1], sys.argv[2]
columns = {1: "SQLDATE", 7: "Actor1CountryCode", 17: "Actor2CountryCode", 29: "QuadClass",
           30: "GoldsteinScale", 31: "NumMentions"}
frame = pd.read_csv(source, sep="\t", header=None, usecols=list(columns), engine="c", quoting=csv.QUOTE_NONE,
                    dtype={1: "int32", 7: "category", 17: "category", 29: "int8", 30: "float64", 31: "int32"})
frame.columns = [columns[c] for c in sorted(columns)]
frame = frame.dropna(subset=["Actor1CountryCode", "Actor2CountryCode"])
frame["month"] = (frame["SQLDATE"] // 100).astype("int32")
for q in range(1, 5):
    frame[f"quad{q}"] = (frame["QuadClass"] == q).astype("int32")
frame["goldstein_mentions"] = frame["GoldsteinScale"] * frame["NumMentions"]
frame["events"] = 1
cells = frame.groupby(["month", "Actor1CountryCode", "Actor2CountryCode"], observed=True, sort=True)[
    ["events", "quad1", "quad2", "quad3", "quad4", "GoldsteinScale", "NumMentions", "goldstein_mentions"]].sum()
cells.to_csv(out)
