#!/usr/bin/python3
"""hold_library.py: another process using a Zotero library, as Zotero does.

    hold_library.py LIB MODE READY STOP

Opens LIB in WAL mode with automatic checkpoints off, commits a new item
(key WALITEM1, 'Committed while the library is open') that then lives only in
the WAL, and, by MODE:
    open       keeps the connection open
    writing    also begins a write transaction that adds UNCOMMIT1, not committed
    exclusive  locking_mode=EXCLUSIVE first (what Zotero does while it runs)
    crash      exits at once without closing (the WAL is left behind, not checkpointed)
then creates the file READY and waits (at most 60 s) for the file STOP.
"""
import os
import sqlite3
import sys
import time

lib, mode, ready, stop = sys.argv[1:5]
db = sqlite3.connect(lib, isolation_level=None)
if mode == 'exclusive':
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA wal_autocheckpoint=0")
t = db.execute("SELECT itemTypeID FROM itemTypes WHERE typeName='journalArticle'").fetchone()[0]
f = db.execute("SELECT fieldID FROM fields WHERE fieldName='title'").fetchone()[0]


def add(key, title):
    i = db.execute("SELECT max(itemID)+1 FROM items").fetchone()[0]
    v = db.execute("SELECT max(valueID)+1 FROM itemDataValues").fetchone()[0]
    db.execute("INSERT INTO items(itemID, itemTypeID, libraryID, key) VALUES (?,?,1,?)", (i, t, key))
    db.execute("INSERT INTO itemDataValues VALUES (?,?)", (v, title))
    db.execute("INSERT INTO itemData VALUES (?,?,?)", (i, f, v))


db.execute("BEGIN")
add('WALITEM1', 'Committed while the library is open')
db.execute("COMMIT")
if mode == 'writing':
    db.execute("BEGIN IMMEDIATE")
    add('UNCOMMIT1', 'Not committed yet')
open(ready, 'w').close()
if mode == 'crash':
    os._exit(0)
for _ in range(600):
    if os.path.exists(stop):
        break
    time.sleep(0.1)
