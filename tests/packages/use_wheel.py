"""use_wheel.py: the wheel as a user has it after `pip install paperext`
(tests/clients/packages.sh installs the .whl into a fresh venv and runs this
with the venv's python and the repository root as argv[1]): sqlite3, apsw,
and sqlite-utils given loadable_path()."""
import json, os, sqlite3, subprocess, sys
import apsw
import paperext

root = sys.argv[1]
sys.path.insert(0, os.path.join(root, "tests/clients/lib"))
from check import Checks
check = Checks("wheel")

check("installed in the venv", os.path.dirname(paperext.__file__).startswith(sys.prefix + os.sep), True)
check("library next to the module", os.path.isfile(paperext.loadable_path() + ".so"), True)
text = open(os.path.join(root, "tests/data/rl_nips2020_zh_hant.txt"), encoding="utf-8").read()

# sqlite3 (Debian's python3 is built with extension loading)
db = sqlite3.connect(":memory:")
paperext.load(db)
check("version", db.execute("SELECT paperext_version()").fetchone()[0], paperext.__version__)
db.execute("CREATE TABLE papers AS SELECT * FROM readinglist_entries(?)", (text,))
check("venue", db.execute("SELECT DISTINCT venue_norm(venue), venue_year(venue) FROM papers").fetchall(), [("NeurIPS", 2020)])
check("no notes", [r[0] for r in db.execute(
    "SELECT title FROM papers WHERE position > 0 AND note IS NULL ORDER BY position")],
    ["Space-Time Correspondence as a Contrastive Random Walk", "Denoising Diffusion Probabilistic Models"])
try:
    db.execute("SELECT load_extension('x')")
    check("loading off again after load()", "allowed", "not authorized")
except sqlite3.OperationalError as e:
    check("loading off again after load()", str(e), "not authorized")

# apsw: loads extensions in Pythons whose sqlite3 cannot
adb = apsw.Connection(":memory:")
paperext.load(adb)
check("apsw", list(adb.execute(
    "SELECT position FROM readinglist_entries(?) WHERE instr(note, ?)", (text, "記憶體"))), [(4,)])
check("apsw tags", json.loads(list(adb.execute(
    "SELECT tags FROM readinglist_entries(?) WHERE position = 1", (text,)))[0][0]), ["conference"])

# sqlite-utils (Debian's 3.30 has no plugins): --load-extension=loadable_path()
ext = "--load-extension=" + paperext.loadable_path()
out = subprocess.run([sys.executable, "-m", "sqlite_utils", "memory",
                      "SELECT count(*) AS n FROM readinglist_entries(:t) WHERE position > 0",
                      "-p", "t", text, ext], capture_output=True, text=True)
check("sqlite-utils", (out.stdout.strip(), out.stderr), ('[{"n": 6}]', ""))
check.done()
