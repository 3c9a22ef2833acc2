"""Writes lessons/xor-corners.csv: XOR as the textbook states it, on the corners of the unit square.

40 points around each corner, Gaussian with deviation 0.1 (Python's random, seed 1), rounded to
4 decimals; label 1 where exactly one coordinate's corner is 1. Run from the repository's root;
an argument writes to that path instead.
"""
import random
import sys

random.seed(1)
rows = []
for cx, cy in [(0, 0), (0, 1), (1, 0), (1, 1)]:
    for _ in range(40):
        rows.append((round(random.gauss(cx, 0.1), 4), round(random.gauss(cy, 0.1), 4), cx ^ cy))
random.shuffle(rows)
with open(sys.argv[1] if len(sys.argv) > 1 else "lessons/xor-corners.csv", "w") as f:
    f.write("x1,x2,label\n")
    for x, y, label in rows:
        f.write(f"{x},{y},{label}\n")
