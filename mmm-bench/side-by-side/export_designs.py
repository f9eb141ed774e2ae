"""Writes the peer kit's NNLS problems as CSV files for mmm4j's NnlsBenchmark (-p design=FILE): the response first,
then the columns of [1, X] with X the kit's true-feature design (mmm_common.design_from_truth), exactly what the
kit's ridge_nnls.py passes to scipy.optimize.nnls. Run from the peer kit's folder after make_data.py."""
import os
import sys

import numpy as np

sys.path.insert(0, os.getcwd())
import mmm_common as mc  # noqa: E402


def main():
    out = sys.argv[1]
    for fname, tag in [("mmm_N156_C5.csv", "156"), ("mmm_N1000_C43.csv", "1000")]:
        path = os.path.join("data", fname)
        ds = mc.load_dataset(path)
        x = mc.design_from_truth(ds, mc.load_truth(path))
        x1 = np.column_stack([np.ones(x.shape[0]), x])
        table = np.column_stack([ds["y"], x1])
        header = ",".join(["y"] + [f"a{j}" for j in range(x1.shape[1])])
        np.savetxt(os.path.join(out, f"nnls-design-{tag}.csv"), table, delimiter=",", header=header, comments="",
                   fmt="%.17g")
        print(f"{fname}: {x1.shape[0]} x {x1.shape[1]}")


if __name__ == "__main__":
    main()
