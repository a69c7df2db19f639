#!/usr/bin/python3
"""gen_bib.py N OUT: write a .bib of N entries to OUT (fixed seed).

In the shapes dblp, Google Scholar and arXiv export: @inproceedings with a
long or short booktitle, @article in journals or as 'arXiv preprint', @misc
with eprint fields; authors as 'Last, First' or 'First Last'; some titles
with LaTeX accents and protecting braces; DOIs, URLs, pages, keywords and
abstracts on some.  About 5% of the entries are a paper seen before, spelled
another way or carrying its DOI, so the merging import merges them.
"""
import random
import sys

WORDS = ("learning representation contrastive video self-supervised transformers attention graph "
         "networks diffusion models generative adversarial robust efficient scalable neural implicit "
         "fields vision language pre-training masked autoencoders detection segmentation retrieval "
         "reinforcement policy optimization sparse mixture experts federated causal inference "
         "meta few-shot zero-shot continual lifelong distillation pruning quantization speech "
         "recognition translation summarization reasoning planning control kernel bayesian "
         "variational flows point clouds depth estimation tracking").split()
SMALL = "for of with via and in on towards beyond".split()
FIRST = ("Ana Wei Li Jun Maria Ivan Sara Kenji Olga Tom Yuki Omar Lena Raj Chen Hao Mei Paulo "
         "Fatima Noah Emma Luca Zoe Arjun Ming Yan Elena Jonas").split()
LAST = ("Zhang Wang Smith Müller Garcia Kim Nguyen Rossi Ivanov Tanaka Kowalski Silva Cohen Singh "
        "Chen Liu Huang Dubois Novak Jensen Okafor Haddad Petrov Sato Moreau Becker Kumar Ali").split()
LATEX_LAST = [r"M{\"u}ller", r"Garc{\'\i}a", r"Dubo{\^\i}s", r"Nov{\'a}k", r"Sch{\"o}lkopf"]
BOOKTITLES = [
    ("Advances in Neural Information Processing Systems {n}", "nips"),
    ("NeurIPS", "nips"),
    ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)", "cvpr"),
    ("CVPR", "cvpr"),
    ("International Conference on Learning Representations", "iclr"),
    ("Proceedings of the {n}th International Conference on Machine Learning", "icml"),
    ("ICML", "icml"),
    ("Proceedings of the Annual Meeting of the Association for Computational Linguistics", "acl"),
    ("EMNLP", "emnlp"),
    ("Proceedings of the AAAI Conference on Artificial Intelligence", "aaai"),
    ("IJCAI", "ijcai"),
    ("European Conference on Computer Vision (ECCV)", "eccv"),
    ("ICCV", "iccv"),
    ("Proceedings of the ACM SIGKDD International Conference on Knowledge Discovery and Data Mining", "kdd"),
    ("SIGIR", "sigir"),
]
JOURNALS = ["IEEE Transactions on Pattern Analysis and Machine Intelligence",
            "Journal of Machine Learning Research", "Nature", "Neural Computation",
            "International Journal of Computer Vision", "Transactions on Machine Learning Research"]
KEYWORDS = ["self-supervised", "video", "nlp", "3d", "graph", "rl", "theory", "efficient"]


def title(r):
    n = r.randint(5, 12)
    w = [r.choice(WORDS) if i == 0 or r.random() > 0.2 else r.choice(SMALL) for i in range(n)]
    t = " ".join(w).title()
    if r.random() < 0.3:
        t = t.replace(" ", ": ", 1)
    if r.random() < 0.15:
        t = t.replace(t.split()[-1], "{" + t.split()[-1] + "}", 1)
    return t


def authors(r):
    names = []
    for _ in range(r.randint(1, 8)):
        last = r.choice(LATEX_LAST) if r.random() < 0.05 else r.choice(LAST)
        first = r.choice(FIRST)
        names.append("%s, %s" % (last, first) if r.random() < 0.5 else "%s %s" % (first, last))
    return " and ".join(names)


def arxiv_id(r, year):
    return "%02d%02d.%05d" % (year % 100, r.randint(1, 12), r.randint(1, 29999))


def entry(r, i, paper):
    t, year, doi = paper
    key = "%s%d%s%d" % (r.choice(LAST).lower(), year, t.split()[0].lower().strip("{:"), i)
    fields = [("author", authors(r)), ("title", t)]
    kind = r.random()
    if kind < 0.6:
        typ = "inproceedings"
        bt, _ = r.choice(BOOKTITLES)
        fields.append(("booktitle", bt.format(n=year - 1986)))
        if r.random() < 0.5:
            fields.append(("pages", "%d--%d" % (p := r.randint(1, 9000), p + r.randint(5, 15))))
    elif kind < 0.85:
        typ = "article"
        if r.random() < 0.5:
            fields.append(("journal", r.choice(JOURNALS)))
            fields.append(("volume", str(r.randint(1, 45))))
        else:
            fields.append(("journal", "arXiv preprint arXiv:%s" % arxiv_id(r, year)))
    else:
        typ = "misc"
        fields += [("eprint", arxiv_id(r, year)), ("archivePrefix", "arXiv"),
                   ("primaryClass", r.choice(["cs.LG", "cs.CV", "cs.CL"]))]
    fields.append(("year", str(year)))
    if doi:
        fields.append(("doi", doi))
    if r.random() < 0.4:
        fields.append(("url", "https://example.org/paper/%d" % i))
    if r.random() < 0.3:
        fields.append(("keywords", ", ".join(r.sample(KEYWORDS, r.randint(1, 3)))))
    if r.random() < 0.3:
        fields.append(("abstract", " ".join(r.choice(WORDS) for _ in range(r.randint(40, 120)))))
    body = ",\n".join("  %-9s = {%s}" % kv for kv in fields)
    return "@%s{%s,\n%s\n}\n" % (typ, key, body)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    r = random.Random(15)
    papers = []
    with open(out, "w", encoding="utf-8") as f:
        f.write("% generated by tests/bench/gen_bib.py {} (fixed seed)\n\n".format(n))
        for i in range(n):
            if papers and r.random() < 0.05:   # a paper seen before, another spelling
                t, year, doi = r.choice(papers)
                t = t.lower() if r.random() < 0.5 else t.replace(":", " -")
                paper = (t, year, doi)
            else:
                year = r.randint(2012, 2024)
                doi = "10.5555/bench.%d" % i if r.random() < 0.6 else None
                paper = (title(r), year, doi)
                papers.append(paper)
            f.write(entry(r, i, paper) + "\n")


if __name__ == "__main__":
    main()
