# Shared by motorway/regen-mornings.sh and grid/regen-mornings.sh.
#   python3 mornings_pack.py LOOPS_1MIN.csv OUT.csv   keep the columns the twin's ingest reads
#   python3 mornings_pack.py --manifest LIST DIR      write DIR/mornings.csv from DIR/*.csv.gz
import csv, gzip, hashlib, sys

KEEP = ["interval_begin_s", "interval_end_s", "detector_id", "veh_count", "occupancy_pct",
        "speed_m_per_s", "mean_length_m"]

if sys.argv[1] == "--manifest":
    listing, folder = sys.argv[2:4]
    out = csv.writer(open(folder + "/mornings.csv", "w", newline=""), lineterminator="\n")
    out.writerow(["file", "seed", "demand_factor", "shift_quarter_hours", "rows",
                  "sha256_csv", "sha256_gz"])
    for line in open(listing):
        if not line.strip():
            continue
        morning, seed, factor, shift = line.split()
        packed = open("%s/%s.csv.gz" % (folder, morning), "rb").read()
        text = gzip.decompress(packed)
        out.writerow([morning + ".csv.gz", seed, factor, shift, text.count(b"\n") - 1,
                      hashlib.sha256(text).hexdigest(), hashlib.sha256(packed).hexdigest()])
else:
    rows = csv.DictReader(open(sys.argv[1]))
    out = csv.writer(open(sys.argv[2], "w", newline=""), lineterminator="\n")
    out.writerow(KEEP)
    for r in rows:
        out.writerow([r[c] for c in KEEP])
