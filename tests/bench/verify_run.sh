# Shared by the benchmarks that time builds: check, outside the timed part,
# that a run was the case it is timed as. Needs $W (a scratch folder).
#   snapshot OUTDIR > FILE        the output files with their mtimes (ns)
#   verify CASE OUTDIR            against $W/before (the snapshot taken before
#                                 the run) and $W/report.json (its --report):
#     cold        every slide made anew (report: all added; every PNG written)
#     no-edit     no file rewritten, nothing in the report (also: touched)
#     one-bullet  exactly one slide PNG rewritten, the one slide the report names
# A run that was not its case stops the benchmark (exit 1).
# Files under an output folder with their mtimes (ns), the state folder left out.
snapshot() { [ -d "$1" ] && find "$1" -path '*/.kamishibai' -prune -o -type f -printf '%T@ %P\n' | sort || true; }
# verify CASE OUTDIR: the run just made was CASE ($W/report.json, $W/before).
verify() {
  local case=$1 out=$2
  snapshot "$out" > "$W/after"
  python3 - "$case" "$W/report.json" "$W/before" "$W/after" <<'PY' || { echo "the timed run was not a '$1' run" >&2; exit 1; }
import json, sys
case, report, before, after = sys.argv[1:]
r = json.load(open(report))
old = dict(l.split(" ", 1)[::-1] for l in open(before).read().splitlines())
new = dict(l.split(" ", 1)[::-1] for l in open(after).read().splitlines())
written = sorted(p for p, t in new.items() if old.get(p) != t)
pngs = [p for p in written if p.startswith("slides/") and p.endswith(".png")]
slides = len([p for p in new if p.startswith("slides/") and p.endswith(".png")])
def need(ok, what):
    if not ok:
        print(f"{case}: {what}; report: added {len(r['added'])}, changed {len(r['changed'])}, "
              f"removed {len(r['removed'])}; files written: {written[:8]}", file=sys.stderr)
        sys.exit(1)
if case == "cold":
    need(slides > 0 and len(r["added"]) == slides and len(pngs) == slides, "not every slide was made anew")
elif case in ("no-edit", "touched"):
    need(not written, "files were rewritten")
    need(not (r["added"] or r["changed"] or r["removed"]), "the report names a change")
elif case == "one-bullet":
    need(len(pngs) == 1, f"{len(pngs)} slide PNGs were rewritten, not one")
    need(len(r["changed"]) == 1 and not r["added"] and not r["removed"], "the report does not name one changed slide")
    need(int(pngs[0][len("slides/"):-len(".png")]) == r["changed"][0]["index"], "the PNG rewritten is not the changed slide's")
PY
}
