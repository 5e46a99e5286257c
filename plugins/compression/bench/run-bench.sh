#!/usr/bin/env bash
# Measures every compression strategy on the test model, then PyTorch's own dynamic int8
# quantization and pruning on the same architecture, in one run, one thread each.
# Usage (from the repository root): plugins/compression/bench/run-bench.sh [width]
set -euo pipefail
width="${1:-64}"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
mvn -B -o -q -pl plugins/compression -am verify -Dtest=CompressionBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Ddoppel.bench=true -Ddoppel.bench.width="$width"
cat "plugins/compression/target/compression-bench-$width.md"
echo
/usr/bin/python3 plugins/compression/bench/torch_compare.py "$width"
