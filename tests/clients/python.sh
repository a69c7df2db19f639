#!/bin/sh
# python.sh: paperext from Python's sqlite3 module (Debian's /usr/bin/python3,
# which is built with extension loading): load, import a list, query.
cd "$(dirname "$0")/../.." || exit 2
exec /usr/bin/python3 - <<'PY'
import sqlite3, json, sys
sys.path.insert(0, "tests/clients/lib")
from check import Checks
check = Checks("python")

db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension("./paperext")
db.enable_load_extension(False)
check("version", db.execute("SELECT paperext_version()").fetchone()[0], "0.1.0")

# import: the list's text is bound as a parameter (str), and as bytes (blob)
text = open("tests/data/rl_nips2020_zh_hant.txt", encoding="utf-8").read()
db.execute("CREATE TABLE papers AS SELECT * FROM readinglist_entries(?)", (text,))
raw = open("tests/data/rl_nips2020_zh_hant.txt", "rb").read()
check("blob parameter", db.execute("SELECT count(*) FROM readinglist_entries(?)", (raw,)).fetchone()[0], 7)

# query: titles without notes, notes mentioning 記憶體, tags as JSON
check("no notes", [r[0] for r in db.execute(
    "SELECT title FROM papers WHERE position > 0 AND note IS NULL ORDER BY position")],
    ["Space-Time Correspondence as a Contrastive Random Walk",
     "Denoising Diffusion Probabilistic Models"])
check("記憶體", db.execute("SELECT position FROM papers WHERE instr(note, ?)", ("記憶體",)).fetchall(), [(4,)])
check("tags", json.loads(db.execute("SELECT tags FROM papers WHERE position = 1").fetchone()[0]), ["conference"])
check("venue", db.execute("SELECT DISTINCT venue FROM papers").fetchall(), [("nips2020",)])
check("formula kept", db.execute(
    "SELECT instr(note, ?) > 0 FROM papers WHERE position = 1", ("\\xi \\leftarrow \\tau \\xi",)).fetchone()[0], 1)
check("diagnostics", db.execute("SELECT count(*) FROM readinglist_diagnostics(?)", (text,)).fetchone()[0], 0)

# bad input through the client: invalid UTF-8 bytes, NULL
check("invalid utf-8", db.execute("SELECT title FROM readinglist_entries(?)", (b"Some Paper Title\n\xff\xfe",)).fetchone()[0],
      "Some Paper Title")
check("NULL", db.execute("SELECT count(*) FROM readinglist_entries(?)", (None,)).fetchone()[0], 0)
try:
    db.execute("SELECT * FROM readinglist_entries").fetchall()
    check("missing argument raises", False, True)
except sqlite3.OperationalError as e:
    check("missing argument raises", str(e), "readinglist_entries: missing argument text")
check.done()
PY
