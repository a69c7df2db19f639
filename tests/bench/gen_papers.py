#!/usr/bin/python3
"""gen_papers.py: N generated .bib entries for the papers benchmark.

    gen_papers.py OUT.bib N SEED

Titles of 5 to 12 words from a vocabulary of 4,000 made-up words (so
titles share words as real ones do, and their keys collide as rarely),
two to six authors from 20,000 names, a year, a venue from a list of real
conference and journal names, a DOI for half of the entries.  The same
seed gives the same file."""
import random, sys

out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
syll = ['ka', 'ro', 'mi', 'tel', 'san', 'vor', 'lin', 'dus', 'pre', 'qua', 'bel', 'nor', 'tis',
        'gra', 'fen', 'lu', 'ment', 'ox', 'ral', 'cion', 'ter', 'ven', 'sil', 'mo']
vocab_rnd = random.Random(1)
vocab = sorted({''.join(vocab_rnd.choice(syll) for _ in range(vocab_rnd.randint(2, 4)))
                for _ in range(6000)})[:4000]
small = ['of', 'for', 'with', 'in', 'and', 'on', 'a', 'the', 'via', 'to']
names = [(''.join(vocab_rnd.choice(syll) for _ in range(3)).capitalize(),
          ''.join(vocab_rnd.choice(syll) for _ in range(2)).capitalize()) for _ in range(20000)]
venues = ['Advances in Neural Information Processing Systems', 'International Conference on Machine Learning',
          'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition',
          'International Conference on Learning Representations', 'IEEE Trans. Pattern Anal. Mach. Intell.',
          'Proceedings of the AAAI Conference on Artificial Intelligence', 'Nature', 'arXiv preprint',
          'Proceedings of ACL', 'EMNLP', 'KDD', 'SIGIR', 'Medical Image Analysis']
with open(out, 'w', encoding='utf-8') as f:
    for i in range(n):
        words = []
        for k in range(rnd.randint(5, 12)):
            words.append(rnd.choice(small) if k % 3 == 2 else rnd.choice(vocab))
        title = ' '.join(words).capitalize()
        authors = ' and '.join('%s, %s' % rnd.choice(names) for _ in range(rnd.randint(2, 6)))
        venue = rnd.choice(venues)
        kind = 'article' if venue in ('Nature', 'IEEE Trans. Pattern Anal. Mach. Intell.', 'Medical Image Analysis') else 'inproceedings'
        field = 'journal' if kind == 'article' else 'booktitle'
        f.write('@%s{key%d_%d,\n  title = {%s},\n  author = {%s},\n  %s = {%s},\n  year = {%d},\n'
                % (kind, seed, i, title, authors, field, venue, rnd.randint(2000, 2024)))
        if i % 2 == 0:
            f.write('  doi = {10.%d/bench.%d.%d},\n' % (1000 + seed, seed, i))
        f.write('}\n\n')
