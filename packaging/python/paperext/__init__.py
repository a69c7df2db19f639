"""paperext: a SQLite extension for paper reading lists, for Python.

    import sqlite3, paperext
    db = sqlite3.connect("papers.db")
    paperext.load(db)            # enables extension loading only for this call
    db.execute("SELECT paperext_version()").fetchone()

apsw connections work the same way (apsw can load extensions in Pythons
whose sqlite3 cannot: pyenv builds, python.org's macOS installer):

    import apsw, paperext
    db = apsw.Connection("papers.db")
    paperext.load(db)

sqlite-utils and other tools take the path:
    sqlite-utils query papers.db "..." --load-extension="$(python3 -c 'import paperext; print(paperext.loadable_path())')"
"""
import os

__version__ = "@VERSION@"
__version_info__ = tuple(__version__.split("."))


def loadable_path():
    """The path of the bundled library, without its suffix (.so): SQLite
    adds the platform's own, as for `.load` in the sqlite3 shell."""
    return os.path.normpath(os.path.join(os.path.dirname(__file__), "paperext"))


def load(conn):
    """Load paperext into a sqlite3.Connection or an apsw.Connection.

    Extension loading is switched on for this call and off again after it.
    """
    if hasattr(conn, "enableloadextension"):       # apsw
        conn.enableloadextension(True)
        try:
            conn.loadextension(loadable_path())
        finally:
            conn.enableloadextension(False)
        return
    if not hasattr(conn, "enable_load_extension"):
        raise RuntimeError(
            "paperext.load: this Python's sqlite3 cannot load extensions (built "
            "without --enable-loadable-sqlite-extensions, as pyenv and python.org's "
            "macOS builds are); use apsw (pip install apsw) or a Python built with it")
    conn.enable_load_extension(True)
    try:
        conn.load_extension(loadable_path())
    finally:
        conn.enable_load_extension(False)
