"""workflow.py: tests/clients/workflow.json run through Python's sqlite3 (Debian's python3)."""
import json, sqlite3, sys

def main(ext, spec_path):
    spec = json.load(open(spec_path, encoding='utf-8'))
    db = sqlite3.connect(':memory:', isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(ext)
    db.enable_load_extension(False)
    passed = failed = 0
    for i, step in enumerate(spec['steps']):
        what = step.get('what', step.get('sql', step.get('script')))
        try:
            if 'script' in step:
                db.executescript(open(step['script'], encoding='utf-8').read())
                rows = None
            else:
                params = []
                for p in step.get('params', []):
                    if isinstance(p, dict):
                        data = open(p['file'], 'rb').read()
                        params.append(data if p.get('bytes') else data.decode('utf-8'))
                    else:
                        params.append(p)
                rows = [list(r) for r in db.execute(step['sql'], params).fetchall()]
            got = rows
        except sqlite3.Error as e:
            got = {'error': str(e)}
        want = step.get('want')
        if want is None and not isinstance(got, dict):
            continue
        if got == want:
            passed += 1
        else:
            failed += 1
            print('FAIL python step %d (%s)\n  want: %r\n  got:  %r' % (i, what, want, got))
    print('workflow python: %d passed, %d failed' % (passed, failed))
    return 1 if failed else 0

sys.exit(main(sys.argv[1], sys.argv[2]))
