#!/usr/bin/env bash
# Riccati solve time, Doppel (Commons Math, structure-preserving doubling) next to SciPy, on
# the same matrices in the same run. Run from the repository root after
#   mvn -B -o -q -pl plugins/controllers -am test-compile
# Usage: plugins/controllers/bench/riccati-bench.sh [sizes...]   (default 2 4 10 50 200)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$here/.."
sizes=("${@:-2 4 10 50 200}")
cases="$(mktemp -d)"
trap 'rm -rf "$cases"' EXIT

python3 "$here/riccati_cases.py" "$cases" ${sizes[@]}
classpath="$module/target/classes:$module/target/test-classes"
classpath="$classpath:$module/../../sdk/api/target/classes"
for jar in "$HOME"/.m2/repository/org/apache/commons/commons-math3/3.6.1/*.jar; do
  classpath="$classpath:$jar"
done
echo "# $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "# solver n equation median_seconds relative_residual [doubling_steps]"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 "$here/riccati_scipy.py" "$cases" ${sizes[@]}
java -cp "$classpath" org.doppel.plugins.controllers.bench.RiccatiBenchmark "$cases" ${sizes[@]}
