#!/usr/bin/env bash
# Reproduces the extra simulated mornings in mornings/ (SUMO 1.15.0, Debian `sumo` and
# `sumo-tools`): the same network, signal plans, loops and vehicle mix as the shipped
# morning (regen.sh), with another random seed (randomTrips and SUMO) and the quarter-hour
# insertion-rate profile scaled by a factor and shifted by whole quarter-hours. Run it in an
# empty scratch folder outside the repository:
#   bash /path/to/data/grid/regen-mornings.sh   # writes ./mornings/*.csv.gz, mornings.csv
set -euo pipefail
export SUMO_HOME=${SUMO_HOME:-/usr/share/sumo}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scratch=$(pwd)
rates="2640 3520 4400 5280 6160 7040 7480 7480 7040 6160 5720 5280 4840 4400 4180 3960"

# The mornings: id, seed, demand factor, shift in quarter-hours (+1: the profile and its
# peak a quarter-hour later, the first quarter-hour repeated; -1: earlier, the last
# repeated).
cat > mornings.list <<'LIST'
seed1-x1.00 1 1.00 0
seed2-x0.90 2 0.90 0
seed3-x1.10 3 1.10 0
seed4-x1.00-late 4 1.00 1
seed5-x0.95-early 5 0.95 -1
seed6-x1.05-late 6 1.05 1
LIST

# 1. the shipped morning exactly as shipped: network, signals, loops, converter (its CSVs
#    must match the shipped ones byte for byte, so the detector ids and positions match)
grep -q -- "--insertion-rate $rates" "$here/regen.sh"
bash "$here/regen.sh" > regen.log 2>&1
for f in loops_1min.csv detectors.csv edges.csv; do
  cmp "$f" "$here/$f"
done
mkdir -p mornings

# 2. one randomTrips + SUMO run per morning
while read -r id seed factor shift; do
  rm -rf "run-$id" && mkdir "run-$id" && cd "run-$id"
  scaled=$(python3 -c '
import sys
factor, shift = float(sys.argv[1]), int(sys.argv[2])
values = [float(v) for v in sys.argv[3:]]
n = len(values)
print(" ".join("%d" % round(values[min(n - 1, max(0, i - shift))] * factor) for i in range(n)))
' "$factor" "$shift" $rates)
  echo "$scaled" > insertion-rate.txt
  python3 $SUMO_HOME/tools/randomTrips.py -n ../sumo-work/grid.net.xml \
    -a ../sumo-work/vtypes.add.xml -o trips.xml -r routes.rou.xml \
    -b 21600 -e 36000 --seed "$seed" --binomial 4 --fringe-factor 20 --min-distance 600 \
    --validate --trip-attributes 'type="mix" departLane="best" departSpeed="max"' \
    --insertion-rate $scaled > trips.log 2>&1
  cp ../sumo-work/e1.add.xml .
  sumo -n ../sumo-work/grid.net.xml -r routes.rou.xml -a e1.add.xml -b 21600 -e 36000 \
    --seed "$seed" --time-to-teleport 300 --no-step-log true \
    --duration-log.statistics true --xml-validation never > sumo.log 2>&1
  mkdir -p out
  python3 ../sumo-work/sumo_to_csv.py ../sumo-work/grid.net.xml e1.add.xml e1output.xml out
  cmp out/detectors.csv "$here/detectors.csv"
  python3 "$here/../mornings_pack.py" out/loops_1min.csv "../mornings/$id.csv"
  gzip -n -9 -f "../mornings/$id.csv"
  cd "$scratch"
done < mornings.list

# 3. the manifest the twin reads (one line per morning, data rows and checksums)
python3 "$here/../mornings_pack.py" --manifest mornings.list mornings
