#!/usr/bin/env bash
# Assembles a report folder the way `entente report --out DIR` lays it out, from web/report,
# web/node_modules and the test fixture web/test/sample-data.js, so that the page and its browser
# test can be run without the C++ side:
#
#   web/test/make-fixture-report.sh OUT_DIR
#   node web/test/report-test.mjs OUT_DIR [--screenshots SHOTS_DIR]
#
# Needs node and `npm ci --prefix web` (scripts/install-deps runs it).
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
out=$1
web=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
nm="$web/node_modules"

vendor=(
  "$nm/vega/build/vega.min.js"
  "$nm/vega-lite/build/vega-lite.min.js"
  "$nm/vega-embed/build/vega-embed.min.js"
)
world="$nm/world-atlas/countries-110m.json"
for f in "${vendor[@]}" "$world"; do
  if [ ! -f "$f" ]; then
    echo "make-fixture-report: $f is missing; run 'npm ci --prefix web' (or scripts/install-deps)" >&2
    exit 1
  fi
done

mkdir -p "$out/assets" "$out/data"
cp "$web/report/index.html" "$out/index.html"
cp "$web/report/report.js" "$web/report/report.css" "$web/shared/palette.js" "$out/assets/"
cp "${vendor[@]}" "$out/assets/"
{ printf 'window.ENTENTE_WORLD = '; cat "$world"; printf ';\n'; } > "$out/assets/world.js"
cp "$web/test/sample-data.js" "$out/data.js"

# data/report.json and one CSV per table, from the fixture.
node - "$out" <<'EOF'
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const out = process.argv[2];
const sandbox = { window: {} };
vm.runInNewContext(fs.readFileSync(path.join(out, 'data.js'), 'utf8'), sandbox);
const report = sandbox.window.ENTENTE_REPORT;
fs.writeFileSync(path.join(out, 'data', 'report.json'), JSON.stringify(report, null, 2) + '\n');
const cell = (v) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
};
let n = 0;
for (const section of report.sections) {
  for (const t of section.tables || []) {
    const lines = [t.columns.map(cell).join(',')].concat(t.rows.map((r) => r.map(cell).join(',')));
    fs.writeFileSync(path.join(out, 'data', t.name + '.csv'), lines.join('\n') + '\n');
    n++;
  }
}
console.log(`make-fixture-report: ${out} (${report.sections.length} sections, ${n} tables)`);
EOF
