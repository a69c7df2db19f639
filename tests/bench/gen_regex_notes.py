#!/usr/bin/python3
"""gen_notes.py: a table of reading-list notes for the benchmarks.

    /usr/bin/python3 tests/bench/gen_notes.py OUT.db [COUNT]

Writes notes(id INTEGER PRIMARY KEY, note TEXT) with COUNT (default
1,000,000) short notes of English, Chinese and mixed text with LaTeX
formulas, as a researcher writes them: some start with an arXiv id, some
name models (BERT, GPT, LLaMA, transformer), some are a formula alone.
The random generator has a fixed seed, so every run writes the same table.
"""
import random
import sqlite3
import sys

EN = [
    "We propose a simple method for self-supervised video representation learning.",
    "The authors scale the model to 175B parameters and evaluate few-shot transfer.",
    "Contrastive pre-training with large batches improves linear probe accuracy.",
    "Ablations show that the memory module matters more than the decoder depth.",
    "The paper revisits attention as a kernel and derives a linear-time variant.",
    "Results on ImageNet are strong but the compute budget is not reported.",
    "A diffusion model conditioned on text produces high resolution samples.",
    "The loss combines a reconstruction term with a KL regulariser.",
    "They fine-tune a pretrained encoder on GLUE and report the median of five runs.",
    "Graph neural networks struggle with over-smoothing beyond a few layers.",
    "Reinforcement learning from human feedback aligns the policy with preferences.",
    "Sparse mixture-of-experts layers route each token to two experts.",
    "Code is available; the appendix lists every hyper-parameter.",
    "Compared with the baseline, the gain is small on long-tailed classes.",
    "Open question: does the scaling law hold for multilingual data?",
]
MODELS = [
    "The transformer encoder is replaced by a convolutional stem.",
    "Like BERT, the model masks 15% of the tokens.",
    "GPT-3 style prompting works without any gradient update.",
    "LLaMA weights are used as the initialisation.",
    "A vision transformer (ViT) with patch size 16 is the backbone.",
    "bert-base is distilled into a six layer student.",
    "Compared to RoBERTa and GPT-2, the gains are modest.",
    "The Llama 2 chat model serves as the reward model.",
]
ZH = [
    "這篇論文提出一種新的自監督學習方法。",
    "作者把記憶體模組加入到編碼器之中，效果明顯提升。",
    "實驗部分比較完整，但是沒有報告計算成本。",
    "注意力機制可以看成一種核函數。",
    "這個方法在長尾類別上的表現一般。",
    "值得一讀，尤其是附錄裡的消融實驗。",
    "损失函数由重建项和正则项组成。",
    "模型在少样本设置下依然很强。",
    "我覺得這裡的假設太強了，需要再想想。",
    "和基線相比，提升主要來自更大的批次。",
    "待讀：相關工作裡提到的三篇論文。",
]
MIXED = [
    "用 contrastive loss 訓練，batch size 是 4096。",
    "這篇的 encoder 跟 decoder 共享參數。",
    "重點：scaling law 在多語言資料上是否成立？",
    "跟 baseline 比起來只好了 0.3 個點。",
    "核心想法是把 attention 換成 linear attention。",
]
LATEX = [
    r"$\mathcal{L} = -\sum_{i=1}^{N} y_i \log p_\theta(x_i)$",
    r"$\mathrm{Attn}(Q,K,V) = \mathrm{softmax}(QK^\top/\sqrt{d_k})V$",
    r"$\lambda \|w\|_2^2 + \frac{1}{n}\sum_i \ell(f(x_i), y_i)$",
    r"$p(x) = \int p(x|z)p(z)\,dz$",
    r"$\nabla_\theta J(\theta) = \mathbb{E}[\nabla_\theta \log \pi_\theta(a|s) A(s,a)]$",
    r"$D_{KL}(q\|p) \geq 0$",
    r"$\hat{y} = \arg\max_y p(y \mid x; \theta)$",
]


def note(rnd):
    """One note: a sentence or two, sometimes an arXiv id first, sometimes a
    formula after (the notes average about 70 bytes)."""
    parts = []
    if rnd.random() < 0.10:
        parts.append("arXiv:%02d%02d.%05d" % (rnd.randint(15, 24), rnd.randint(1, 12),
                                               rnd.randint(0, 99999)))
    kind = rnd.random()
    if kind < 0.30:
        pool = EN
    elif kind < 0.55:
        pool = ZH
    elif kind < 0.75:
        pool = MIXED
    elif kind < 0.90:
        pool = MODELS
    else:
        pool = LATEX
    parts.append(rnd.choice(pool))
    if rnd.random() < 0.15:
        parts.append(rnd.choice(LATEX))
    return " ".join(parts)


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
    rnd = random.Random(20201206)   # fixed seed: the same table every time
    db = sqlite3.connect(out)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("DROP TABLE IF EXISTS notes")
    db.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, note TEXT)")
    db.executemany("INSERT INTO notes(note) VALUES (?)", ((note(rnd),) for _ in range(count)))
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
