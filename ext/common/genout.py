"""genout.py: how every generator under ext/<module>/gen/ ends.

    genout.finish(path, text, summary)

writes text to path, or, with --check on the command line (make
check-generated), writes nothing and exits 1 when the committed file differs
from what the generator makes now.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def finish(path, text, summary):
    rel = os.path.relpath(path, ROOT)
    if '--check' in sys.argv[1:]:
        try:
            with open(path, encoding='utf-8', newline='') as f:
                old = f.read()
        except OSError as e:
            print('%s: cannot read (%s)' % (rel, e.strerror))
            sys.exit(1)
        if old != text:
            print('%s: differs from what %s makes now: run make generate' %
                  (rel, os.path.relpath(sys.argv[0], ROOT)))
            sys.exit(1)
        print('%s: up to date' % rel)
        return
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    print('%s: %s' % (rel, summary))
