#!/usr/bin/env bash
# Peers and mmm4j side by side, in one sitting (issue 19): runs the peer kit's numpy/scipy steps (and, when R is
# installed, its glmnet step) from a scratch copy, then mmm4j's matching JMH benchmarks, and writes one table of
# ratios with the machine, the JDK, the load average and the date.
#
#   mmm-bench/side-by-side/run.sh [--quick] [--stan] [OUT_DIR]
#
# PEERS names the peer kit (default: ../shared/peers next to the repository). OUT_DIR (default
# mmm-bench/target/side-by-side) receives side-by-side.md, side-by-side.json, the peers' JSON and JMH's JSON.
# --quick: the kit's --quick budgets and JMH -wi 1 -i 2 (a smoke test, not figures to report).
# --stan: also rstan against mmm4j's NUTS on the reference model (BayesFitMain, seeds 1 to 3); needs R and rstan.
# Keep the machine otherwise idle: the figures are only comparable within one run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
QUICK=""
STAN=0
OUT=""
for a in "$@"; do
  case "$a" in
    --quick) QUICK="--quick" ;;
    --stan) STAN=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "unknown option: $a" >&2; exit 2 ;;
    *) OUT="$a" ;;
  esac
done
OUT="${OUT:-$ROOT/mmm-bench/target/side-by-side}"
PEERS="${PEERS:-$ROOT/../shared/peers}"
if [ ! -f "$PEERS/transforms_numpy.py" ]; then
  echo "side-by-side: no peer kit at $PEERS (set PEERS)" >&2
  exit 2
fi
JAR="$ROOT/mmm-bench/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl mmm-bench -am package -DskipTests)
fi
mkdir -p "$OUT"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$PEERS" "$work/peers"
cd "$work/peers"
PY="${PY:-/usr/bin/python3}"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load average before: $(loadavg)" | tee "$OUT/load.txt"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

echo "== peers: data"
$PY make_data.py > /dev/null && $PY make_data.py --scaling > /dev/null
echo "== peers: numpy transforms"
$PY transforms_numpy.py $QUICK --out "$OUT/peers-transforms.json" > "$OUT/peers-transforms.log"
echo "== peers: numpy/scipy ridge and NNLS"
$PY ridge_nnls.py $QUICK --out "$OUT/peers-ridge-nnls.json" --cand-out "$work/cands.csv" > "$OUT/peers-ridge-nnls.log"
if command -v Rscript > /dev/null; then
  echo "== peers: glmnet"
  Rscript glmnet.R $QUICK --out "$OUT/peers-glmnet.json" --cands "$work/cands.csv" > "$OUT/peers-glmnet.log" 2>&1 \
    || echo "glmnet step failed; see $OUT/peers-glmnet.log"
else
  rm -f "$OUT/peers-glmnet.json"
fi
echo "load average after the peers: $(loadavg)" | tee -a "$OUT/load.txt"

JMH=(-f 1 -wi 3 -i 5 -w 1 -r 1)
[ -n "$QUICK" ] && JMH=(-f 1 -wi 1 -i 2 -w 1 -r 1)
echo "== mmm4j: transforms"
java -jar "$JAR" 'AdstockSaturationBenchmark.forward$' -p shape=156x5,10000x20 -p adstock=geometric \
  -p slope=1.5,2.0 "${JMH[@]}" -rf json -rff "$OUT/jmh-transforms.json" > "$OUT/jmh-transforms.log"
echo "== mmm4j: transforms, forward and gradient"
java -jar "$JAR" 'AdstockSaturationBenchmark.forwardAndGradient(Kept)?$' -p shape=156x5,10000x20 -p adstock=geometric \
  -p slope=1.5 "${JMH[@]}" -rf json -rff "$OUT/jmh-transforms-gradient.json" > "$OUT/jmh-transforms-gradient.log"
echo "== mmm4j: NNLS (seeded Gaussian problems, and the kit's own designs)"
java -jar "$JAR" 'NnlsBenchmark.solve$' -p size=156x12,1000x50 "${JMH[@]}" -rf json -rff "$OUT/jmh-nnls.json" \
  > "$OUT/jmh-nnls.log"
$PY "$HERE/export_designs.py" "$work" > /dev/null
java -jar "$JAR" 'NnlsBenchmark.solve$' -p size=kit \
  -p design="$work/nnls-design-156.csv,$work/nnls-design-1000.csv" "${JMH[@]}" -rf json \
  -rff "$OUT/jmh-nnls-kit.json" > "$OUT/jmh-nnls-kit.log"
echo "== mmm4j: search iteration"
java -jar "$JAR" 'SearchBenchmark.oneIteration$' -p channels=5 -p nonNegative=false "${JMH[@]}" -rf json \
  -rff "$OUT/jmh-search.json" > "$OUT/jmh-search.log"
echo "== mmm4j: NUTS gradient (log density and gradient, reference model shape)"
java -jar "$JAR" 'BayesGradientBenchmark' -p shape=156x5 "${JMH[@]}" -rf json -rff "$OUT/jmh-gradient.json" \
  > "$OUT/jmh-gradient.log"
if [ "$STAN" -eq 1 ]; then
  echo "== peers: rstan (compile and sample)"
  Rscript stan_mmm.R $QUICK --out "$OUT/peers-stan.json" > "$OUT/peers-stan.log" 2>&1
  echo "== mmm4j: NUTS on the same data and model"
  java -cp "$JAR" io.github.mmm4j.bench.bayes.BayesFitMain data/mmm_N156_C5.csv 3 > "$OUT/mmm4j-nuts.txt"
else
  rm -f "$OUT/peers-stan.json" "$OUT/mmm4j-nuts.txt"
fi
echo "load average after mmm4j: $(loadavg)" | tee -a "$OUT/load.txt"

quick=no
[ -n "$QUICK" ] && quick=yes
$PY "$HERE/report.py" --out "$OUT" --started "$started" --jdk "$(java -version 2>&1 | head -2 | tail -1)" \
  --cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -1)" --cores "$(nproc)" --quick "$quick"
echo "wrote $OUT/side-by-side.md"
