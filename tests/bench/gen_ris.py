#!/usr/bin/python3
"""gen_ris.py MB OUT: a RIS file of about MB megabytes for bench_ris.sh (fixed seed).

Records in the shapes of the exporters of tests/data/ris/ (IEEE Xplore,
ACM DL, Springer, ScienceDirect, Scopus, Zotero, EndNote with CR LF), with
abstracts, keywords, several authors and a few continuation lines.
"""
import random
import sys

WORDS = ('learning deep neural network vision transformer contrastive self-supervised graph '
         'representation detection segmentation language model efficient robust adversarial '
         'generative diffusion reinforcement policy attention sparse federated video').split()
LAST = 'Chen Wang Li Zhang Liu Smith Johnson Garcia Müller Kim Tanaka Rossi Dubois Novak Silva'.split()
FIRST = 'Wei Jing Ana John Maria Hiroshi Min-jun Lukas Sofia Ahmed Olga Pierre Yuki'.split()


def words(rng, a, b):
    return ' '.join(rng.choice(WORDS) for _ in range(rng.randint(a, b)))


def record(rng, i):
    kind = i % 7
    ty = ['CONF', 'JOUR', 'CHAP', 'JOUR', 'JOUR', 'CONF', 'JOUR'][kind]
    title = words(rng, 6, 12).capitalize() + ' %d' % i
    year = rng.randint(1990, 2024)
    authors = [(rng.choice(LAST), rng.choice(FIRST)) for _ in range(rng.randint(1, 8))]
    lines = ['TY  - ' + ty]
    if kind == 0:      # IEEE: 'F. Last', empty tags, Y1 with the month
        lines += ['TI  - ' + title, 'T2  - Proceedings of the IEEE Conference on ' + words(rng, 2, 4)]
        lines += ['AU  - %s. %s' % (f[0], l) for l, f in authors]
        lines += ['PY  - %d' % year, 'DO  - 10.1109/CONF.%d.%d' % (year, i), 'IS  - ', 'VO  - ',
                  'Y1  - %d-%d June %d' % (rng.randint(1, 9), rng.randint(10, 28), year)]
    elif kind == 4:    # Scopus
        lines += ['AU  - %s, %s.' % (l, f[0]) for l, f in authors]
        lines += ['TI  - ' + title, 'PY  - %d' % year, 'T2  - Journal of ' + words(rng, 1, 3),
                  'VL  - %d' % rng.randint(1, 99), 'SP  - %d' % rng.randint(1, 900),
                  'DO  - 10.1016/j.x.%d.%d' % (year, i),
                  'UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-%d&partnerID=40' % (10 ** 10 + i),
                  'N1  - Cited By :%d; Export Date: 12 March 2023' % rng.randint(0, 999), 'DB  - Scopus']
    else:
        lines += ['TI  - ' + title] + ['AU  - %s, %s' % a for a in authors]
        lines += ['PY  - %d' % year, 'DA  - %d/%02d/%02d/' % (year, rng.randint(1, 12), rng.randint(1, 28)),
                  ('BT  - ' if ty == 'CHAP' else 'JO  - ') + words(rng, 2, 5).title(),
                  'SP  - %d' % rng.randint(1, 400), 'EP  - %d' % rng.randint(401, 800),
                  'DO  - 10.1145/%d.%d' % (year, i), 'UR  - https://doi.org/10.1145/%d.%d' % (year, i),
                  'PB  - Association for Computing Machinery']
    lines += ['KW  - ' + rng.choice(WORDS) for _ in range(rng.randint(0, 6))]
    ab = words(rng, 60, 160)
    if kind == 6:      # EndNote: the abstract wrapped onto continuation lines
        parts = ab.split(' ')
        lines.append('N2  - ' + ' '.join(parts[:12]))
        for k in range(12, len(parts), 12):
            lines.append(' '.join(parts[k:k + 12]))
    else:
        lines.append('AB  - ' + ab)
    lines.append('ER  - ')
    return '\n'.join(lines) + '\n\n'


def main():
    mb, out = float(sys.argv[1]), sys.argv[2]
    rng = random.Random(14)
    target = int(mb * 1048576)
    n = i = 0
    with open(out, 'w', encoding='utf-8', newline='') as f:
        while n < target:
            r = record(rng, i)
            if i % 7 == 6:
                r = r.replace('\n', '\r\n')
            f.write(r)
            n += len(r.encode('utf-8'))
            i += 1


main()
