"""Builds side-by-side.md and side-by-side.json from one run of run.sh: the peers' figures and mmm4j's JMH figures
of the same sitting, their ratio (peer time / mmm4j time, so above 1 means mmm4j is faster) and the issue-19 aims."""
import argparse
import json
import os


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def jmh(rows, name, **params):
    """Score (JMH's unit) and error of the benchmark whose name ends with `name` and whose params match."""
    for r in rows or []:
        if not r["benchmark"].endswith(name):
            continue
        p = r.get("params", {})
        if all(str(p.get(k)) == str(v) for k, v in params.items()):
            m = r["primaryMetric"]
            try:
                err = float(m.get("scoreError", "nan"))   # JMH writes "NaN" (a string) with too few iterations
            except (TypeError, ValueError):
                err = float("nan")
            return float(m["score"]), err
    return None


def peer_transform(peers, op, n, c):
    for r in (peers or {}).get("results", []):
        if r["op"] == op and r["N"] == n and r["C"] == c:
            return r["median_ns_per_elem"]
    return None


def peer_fit(peers, fit, n):
    for r in (peers or {}).get("results", []):
        if r["fit"] == fit and r["N"] == n:
            return r["median_us"], r["p"]
    return None


def nuts_ess_per_s(path):
    """ESS/s per seed from BayesFitMain's table (columns seed, wall_s, minESS, ESS/s, ...)."""
    if not os.path.exists(path):
        return []
    out = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4 and parts[0].isdigit():
                out.append(float(parts[3]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--started", required=True)
    ap.add_argument("--jdk", required=True)
    ap.add_argument("--cpu", required=True)
    ap.add_argument("--cores", required=True)
    ap.add_argument("--quick", default="no")
    a = ap.parse_args()
    o = a.out
    pt = load(os.path.join(o, "peers-transforms.json"))
    pr = load(os.path.join(o, "peers-ridge-nnls.json"))
    pg = load(os.path.join(o, "peers-glmnet.json"))
    jt = load(os.path.join(o, "jmh-transforms.json"))
    jn = load(os.path.join(o, "jmh-nnls.json"))
    js = load(os.path.join(o, "jmh-search.json"))
    jg = load(os.path.join(o, "jmh-transforms-gradient.json"))
    jk = load(os.path.join(o, "jmh-nnls-kit.json"))
    jb = load(os.path.join(o, "jmh-gradient.json"))
    rows = []

    def add(path, peer_name, peer, ours, unit, aim):
        ratio = peer / ours[0] if peer is not None and ours is not None and ours[0] > 0 else None
        rows.append({"hot path": path, "peer": peer_name, "peer_value": peer,
                     "mmm4j": None if ours is None else ours[0], "mmm4j_error": None if ours is None else ours[1],
                     "unit": unit, "ratio": ratio, "aim": aim,
                     "aim_met": None if ratio is None else ratio >= aim})

    for (n, c) in [(10_000, 20), (156, 5)]:
        el = n * c
        for slope, label in [(1.5, "general slope 1.5"), (2.0, "integer slope 2.0")]:
            s = jmh(jt, "AdstockSaturationBenchmark.forward", shape=f"{n}x{c}", adstock="geometric", slope=slope)
            ours = None if s is None else (s[0] / el, s[1] / el)
            add(f"geometric adstock + Hill, {label}, {n:,} x {c}", "numpy (the kit's adstock + np.power Hill)",
                peer_transform(pt, "adstock_hill", n, c), ours, "ns/element", 5.0)
            parts = [peer_transform(pt, op, n, c) for op in
                     ("adstock_lfilter_trunc", "adstock_conv_lagloop", "adstock_np_convolve")]
            hill = peer_transform(pt, "hill", n, c)
            exact = [x for x in parts if x is not None]
            if exact and hill is not None:
                add(f"geometric adstock + Hill, {label}, {n:,} x {c}",
                    "numpy, fastest exact adstock + Hill, timed apart", min(exact) + hill, ours, "ns/element", 5.0)
    # mmm4j's own ratio (not a peer's): forward and gradient over the forward alone, aim at most 3
    for (n, c) in [(10_000, 20), (156, 5)]:
        fwd = jmh(jt, "AdstockSaturationBenchmark.forward", shape=f"{n}x{c}", adstock="geometric", slope=1.5)
        for bench, how in [("forwardAndGradientKept", "forward pass kept (TransformWorkspace.forGradients)"),
                           ("forwardAndGradient", "backward recomputes the forward (plain workspace)")]:
            both = jmh(jg, "AdstockSaturationBenchmark." + bench, shape=f"{n}x{c}", adstock="geometric",
                       slope=1.5)
            if fwd is not None and both is not None:
                ratio = both[0] / fwd[0]
                rows.append({"hot path": f"forward + gradient over forward, general slope 1.5, {n:,} x {c}, "
                             f"{how} (mmm4j against itself)", "peer": "mmm4j forward alone",
                             "peer_value": fwd[0] / (n * c), "mmm4j": both[0] / (n * c),
                             "mmm4j_error": both[1] / (n * c), "unit": "ns/element", "ratio": ratio, "aim": 3.0,
                             "aim_met": ratio <= 3.0, "ratio_label": f"{ratio:.1f}x the forward"})
    for n, size, tag in [(156, "156x12", "156"), (1000, "1000x50", "1000")]:
        pf = peer_fit(pr, "nnls_scipy", n)
        peer_name = "scipy.optimize.nnls" + ("" if pf is None else f" ({n} x {pf[1]})")
        s = jmh(jn, "NnlsBenchmark.solve", size=size, design="")
        add(f"NNLS {size.replace('x', ' x ')}, mmm4j on a seeded Gaussian problem", peer_name,
            None if pf is None else pf[0], s, "us", 5.0 if n == 156 else 10.0)
        for r in jk or []:
            if r["benchmark"].endswith("NnlsBenchmark.solve") and r["params"].get("design", "").endswith(
                    f"nnls-design-{tag}.csv"):
                m = r["primaryMetric"]
                try:
                    err = float(m.get("scoreError", "nan"))
                except (TypeError, ValueError):
                    err = float("nan")
                add(f"NNLS, the kit's own design ({n} x {pf[1] if pf else '?'}), both on the same problem",
                    peer_name, None if pf is None else pf[0], (float(m["score"]), err), "us",
                    5.0 if n == 156 else 10.0)
    g = jmh(jb, "BayesGradientBenchmark.gradient", shape="156x5")
    if g is not None:
        rows.append({"hot path": "NUTS log density + gradient, 156 x 5 (at most 8 us; mmm4j alone)",
                     "peer": "aim", "peer_value": 8.0, "mmm4j": g[0], "mmm4j_error": g[1], "unit": "us",
                     "ratio": 8.0 / g[0], "aim": 1.0, "aim_met": g[0] <= 8.0,
                     "ratio_label": f"{g[0]:.2f} us against 8"})
    loop = (pr or {}).get("robyn_loop", {})
    numpy_iter = loop.get("python_numpy_closed", {}).get("median_us_per_iter")
    s = jmh(js, "SearchBenchmark.oneIteration", channels=5, nonNegative="false")
    add("search iteration 156 x 5 (transform + ridge + NRMSE)", "numpy closed form", numpy_iter, s, "us", 10.0)
    if pg is not None:
        glm = ((pg.get("robyn_loop") or {}).get("R_glmnet_robyn_lowerlim_std") or {}).get("median_us_per_iter")
        add("search iteration 156 x 5", "glmnet as Robyn sets it", glm, s, "us", 10.0)

    stan = load(os.path.join(o, "peers-stan.json"))
    nuts = nuts_ess_per_s(os.path.join(o, "mmm4j-nuts.txt"))
    if stan is not None and nuts:
        peer = stan.get("ess_bulk_per_s_wall")
        if peer is None and stan.get("sampling_wall_s"):
            peer = stan["min_ess_bulk"] / stan["sampling_wall_s"]
        med = sorted(nuts)[len(nuts) // 2]
        ratio = med / peer if peer else None
        rows.append({"hot path": "NUTS, reference model, min bulk ESS per second (higher is better; median of "
                     + f"{len(nuts)} seeds, range {min(nuts):,.0f} to {max(nuts):,.0f})",
                     "peer": "rstan (compile {:.0f} s not counted)".format(stan.get("compile_s") or float("nan")),
                     "peer_value": peer, "mmm4j": med, "mmm4j_error": None, "unit": "ESS/s",
                     "ratio": ratio, "aim": 50.0, "aim_met": None if ratio is None else ratio >= 50})

    with open(os.path.join(o, "load.txt")) as f:
        load_lines = [x.strip() for x in f if x.strip()]
    meta = {"started": a.started, "cpu": a.cpu, "cores": a.cores, "jdk": a.jdk, "quick": a.quick,
            "load": load_lines, "peers_env": (pt or {}).get("env")}
    with open(os.path.join(o, "side-by-side.json"), "w") as f:
        json.dump({"meta": meta, "rows": rows}, f, indent=1)

    def fmt(v, err=None):
        if v is None:
            return "n/a"
        s = f"{v:,.1f}" if v >= 10 else f"{v:.2f}"
        return s if err is None or err != err else f"{s} ± {err:.2f}" if v < 10 else f"{s} ± {err:.1f}"

    lines = [f"Side by side, started {a.started}: {a.cpu}, {a.cores} cores; {a.jdk}; "
             f"numpy {(meta['peers_env'] or {}).get('numpy', '?')}, scipy {(meta['peers_env'] or {}).get('scipy', '?')}"
             + ("; quick run, not for reporting" if a.quick != "no" else "") + ".",
             "", "Load: " + "; ".join(load_lines) + ".", "",
             "| hot path | peer | peer | mmm4j | unit | ratio (peer / mmm4j) | aim | met |",
             "|---|---|---:|---:|---|---:|---:|---|"]
    for r in rows:
        ratio = r.get("ratio_label") or ("n/a" if r["ratio"] is None else f"{r['ratio']:.1f}x")
        met = "n/a" if r["aim_met"] is None else ("yes" if r["aim_met"] else "no")
        aim = "at most 3x" if "over forward" in r["hot path"] else (
            "8 us" if r["unit"] == "us" and r["peer"] == "aim" else f"{r['aim']:.0f}x")
        lines.append(f"| {r['hot path']} | {r['peer']} | {fmt(r['peer_value'])} | "
                     f"{fmt(r['mmm4j'], r['mmm4j_error'])} | {r['unit']} | {ratio} | {aim} | {met} |")
    with open(os.path.join(o, "side-by-side.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
