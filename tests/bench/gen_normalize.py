#!/usr/bin/python3
"""gen_normalize.py: the 1,000,000 rows of bench_normalize.sh (fixed seed).

    gen_normalize.py OUT.db N

Table rows(title, tags): titles are the real titles of tests/data/title_pairs*.tsv
and some Chinese titles, spelled as bibliographies spell them (braces, LaTeX
accents, upper case, hyphenation breaks, trailing period) about a third of the
time; tag texts are those of tests/data/tags.tsv and random combinations of
hashtags, [brackets], 【】 and plain lists in English and Chinese.
"""
import random
import sqlite3
import sys

out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(20201206)

titles = set()
for f in ("tests/data/title_pairs.tsv", "tests/data/title_pairs_heldout.tsv"):
    for line in open(f, encoding="utf-8"):
        if line.startswith("# "):
            continue
        parts = line.rstrip("\n").split("\t")
        titles.update(p.replace("\\n", "\n") for p in parts[2:4])
titles = sorted(titles)
zh_titles = ["基于自监督学习的视频表示研究", "面向长文本的 Transformer 记忆体机制",
             "对比学习在医学影像分割中的应用", "基于 BERT 的中文命名实体识别方法",
             "大语言模型的指令微调与对齐综述"]

tag_texts = []
for line in open("tests/data/tags.tsv", encoding="utf-8"):
    if not line.startswith("# ") and "\t" in line:
        tag_texts.append(line.split("\t")[0])
words = ["self-supervised", "video", "contrastive", "NeurIPS 2020", "diffusion", "GAN",
         "Domain Adaptation", "NAS", "ml/ssl", "transformer", "RL", "graph"]
zh_words = ["自监督", "对比学习", "视频理解", "图神经网络", "记忆体", "重要"]


def variant(t):
    r = rnd.random()
    if r < 0.08:
        return "{" + t + "}"
    if r < 0.16:
        return t.upper()
    if r < 0.24:
        return t + "."
    if r < 0.30 and " " in t:
        w = t.split(" ")
        i = rnd.randrange(len(w))
        if len(w[i]) > 6:
            w[i] = w[i][:3] + "- " + w[i][3:]
        return " ".join(w)
    if r < 0.34:
        return t.replace("e", "{\\'e}", 1)
    return t


def tags():
    r = rnd.random()
    if r < 0.3:
        return rnd.choice(tag_texts)
    k = rnd.randint(1, 4)
    pick = [rnd.choice(words + zh_words) for _ in range(k)]
    if r < 0.55:
        return " ".join("#" + p.replace(" ", "_") for p in pick)
    if r < 0.7:
        return " ".join("[" + p + "]" for p in pick) + " " + rnd.choice(titles)[:30]
    if r < 0.8:
        return "".join("【" + p + "】" for p in pick)
    return rnd.choice([", ", "; ", "，", "、"]).join(pick)


db = sqlite3.connect(out)
db.execute("DROP TABLE IF EXISTS rows")
db.execute("CREATE TABLE rows(title TEXT, tags TEXT)")
batch = []
for i in range(n):
    t = rnd.choice(zh_titles) if rnd.random() < 0.05 else rnd.choice(titles)
    batch.append((variant(t), tags()))
    if len(batch) == 50000:
        db.executemany("INSERT INTO rows VALUES (?, ?)", batch)
        batch = []
db.executemany("INSERT INTO rows VALUES (?, ?)", batch)
db.commit()
db.execute("VACUUM")
db.close()
