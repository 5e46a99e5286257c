#!/usr/bin/env bash
# Reproduces the extra simulated mornings in mornings/ (SUMO 1.15.0, Debian `sumo` and
# `sumo-tools`): the same network, loops and vehicle mix as the shipped morning (regen.sh),
# with another random seed and the quarter-hour demand profile scaled by a factor and
# shifted by whole quarter-hours. Run it in an empty scratch folder outside the repository:
#   bash /path/to/data/motorway/regen-mornings.sh   # writes ./mornings/*.csv.gz, mornings.csv
set -euo pipefail
export SUMO_HOME=${SUMO_HOME:-/usr/share/sumo}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scratch=$(pwd)

# The mornings: id, SUMO seed, demand factor, shift in quarter-hours (+1: the profile and
# its peak a quarter-hour later, the first quarter-hour repeated; -1: earlier, the last
# repeated).
cat > mornings.list <<'LIST'
seed1-x1.00 1 1.00 0
seed2-x0.90 2 0.90 0
seed3-x1.10 3 1.10 0
seed4-x1.00-late 4 1.00 1
seed5-x0.95-early 5 0.95 -1
seed6-x1.05-late 6 1.05 1
LIST

# 1. the shipped morning exactly as shipped: network, loops, converter (its CSVs must match
#    the shipped ones byte for byte, so the detector ids and positions match)
bash "$here/regen.sh" > regen.log 2>&1
for f in loops_1min.csv detectors.csv edges.csv; do
  cmp "$f" "$here/$f"
done
mkdir -p mornings

# 2. one SUMO run per morning
while read -r id seed factor shift; do
  rm -rf "run-$id" && mkdir "run-$id" && cd "run-$id"
  python3 - "$factor" "$shift" "$scratch/sumo-work/make_demand.py" <<'PY'
import re, sys
factor, shift, source = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
text = open(source).read()
def profile(name):
    values = eval(re.search(r"^%s = (\[.*\])$" % name, text, re.M).group(1))
    n = len(values)
    shifted = [values[min(n - 1, max(0, i - shift))] for i in range(n)]
    return "%s = %r" % (name, [round(v * factor) for v in shifted])
text = re.sub(r"^main = .*$", profile("main"), text, flags=re.M)
text = re.sub(r"^ramp = .*$", profile("ramp"), text, flags=re.M)
open("make_demand.py", "w").write(text)
PY
  python3 make_demand.py
  cp ../sumo-work/loops.add.xml .
  sumo -n ../sumo-work/fw.net.xml -r fw.rou.xml -a loops.add.xml -b 21600 -e 36000 \
    --seed "$seed" --time-to-teleport 300 --no-step-log true \
    --duration-log.statistics true --xml-validation never > sumo.log 2>&1
  mkdir -p out
  python3 ../sumo-work/sumo_to_csv.py ../sumo-work/fw.net.xml loops.add.xml e1output.xml out
  cmp out/detectors.csv "$here/detectors.csv"
  python3 "$here/../mornings_pack.py" out/loops_1min.csv "../mornings/$id.csv"
  gzip -n -9 -f "../mornings/$id.csv"
  cd "$scratch"
done < mornings.list

# 3. the manifest the twin reads (one line per morning, data rows and checksums)
python3 "$here/../mornings_pack.py" --manifest mornings.list mornings
