"""check.py: the pass/fail count of a Python client test.

    check = Checks("python")
    check("what", got, want)     # equal: a pass; else a FAIL line with both
    check.done()                 # "<name>: N passed, N failed", exit 1 on a failure
"""


class Checks:
    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def __call__(self, what, got, want):
        if got == want:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: %s\n  want: %r\n  got:  %r" % (self.name, what, want, got))

    def done(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed))
        raise SystemExit(1 if self.failed else 0)
