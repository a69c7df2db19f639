#!/usr/bin/python3
"""gen_notes.py: a reproducible corpus of reading-list notes, Chinese
(Traditional and Simplified) mixed with English terms, LaTeX and
punctuation, as researchers write them.  Fixed seed: the same corpus on
every run.

    /usr/bin/python3 tests/bench/gen_notes.py [N] > notes.tsv   # id TAB note
    import gen_notes; gen_notes.notes(50000)                   # [(id, note|None)]
"""
import random
import sys

SEED = 20201206  # NeurIPS 2020

# Words and phrases, Traditional and Simplified both (the same note can mix them).
ZH_WORDS = """
學習 学习 深度學習 深度学习 機器學習 机器学习 自監督 自监督 對比學習 对比学习 模型 預訓練 预训练
記憶體 记忆体 記憶 记忆 注意力 注意力機制 注意力机制 自注意力 神經網路 神经网络 卷積 卷积 圖像 图像
影片 视频 視頻 資料 数据 數據 資料集 数据集 訓練 训练 推論 推理 損失函數 损失函数 梯度 優化 优化
參數 参数 效能 性能 實驗 实验 結果 结果 方法 論文 论文 作者 提出 改進 改进 問題 问题 計算 计算
耗費 大量 通常 依賴 依赖 區塊 区块 表示 表徵 表征 特徵 特征 語言 语言 文本 生成 擴散 扩散 採樣 采样
分類 分类 檢索 检索 多模態 多模态 對齊 对齐 蒸餾 蒸馏 剪枝 量化 加速 記錄 记录 筆記 笔记 重點 重点
還沒看 还没看 值得 一讀 有趣 不錯 不错 缺點 缺点 優點 优点 公式 推導 推导 證明 证明 定理 假設 假设
的 了 是 在 和 與 与 也 就 都 很 但 而 及 或 把 被 對 对 從 从 用 以 為 为 這 这 那 個 个 們 们
時間 时间 空間 空间 複雜度 复杂度 線性 线性 矩陣 矩阵 向量 機率 概率 分佈 分布 取樣 貝氏 贝叶斯
強化學習 强化学习 策略 獎勵 奖励 環境 环境 代理 圖神經網路 图神经网络 節點 节点 邊 边 聚合
""".split()

# Single characters to vary the text (common ones, both scripts).
ZH_CHARS = list("的一是不了人我在有他這这中大來来上國国個个到說说們们為为子和你地出道也時时年得就那要下以生會会"
                "自著着去之過过家學学對对可她裡里後后小麼么心多天而能好都然沒没日於于起還还發发成事只作當当想看文無无"
                "開开手十用主行方又如前所本見见經经頭头面公同三已老從从動动兩两長长知民樣样現现分將将外但身些與与高意進进"
                "把法此實实回二理美點点月明其種种聲声全工己話话兒儿者向情部正名定女問问力機机給给等幾几很業业最間间新什打便位"
                "因重被走電电四第門门相次東东政海口使教西再平真聽听世氣气信北少關关並并內内加化由卻却代軍军產产入先山五太水萬万市眼體体別别處处總总")

EN_TERMS = """
BERT RoBERTa GPT-3 Transformer transformer self-attention global local attention block
contrastive SimCLR MoCo BYOL diffusion denoising score-based VAE GAN normalizing flow
ResNet ViT CLIP ImageNet CIFAR-10 COCO Kinetics video self-supervised pretraining finetuning
NeurIPS ICML ICLR CVPR ACL arXiv baseline ablation SOTA benchmark latency memory GPU TPU
kernel Schölkopf Gaussian process Bayesian variational inference sparse pruning quantization
distillation reinforcement policy reward PPO graph GNN message passing node embedding
""".split()

LATEX = [r"$O(n^2)$", r"$\mathcal{L} = -\log p(x)$", r"$\alpha$", r"\frac{QK^T}{\sqrt{d}}",
         r"$\nabla_\theta J$", r"$x \in \mathbb{R}^d$", r"$\sum_i w_i$", r"$\epsilon$"]

ZH_PUNCT = list("，，，。。、；：！？（）「」")
EN_PUNCT = [", ", ". ", "; ", " ", " ", "(", ")"]


def note(rng, english=0.20):
    """One note: a few clauses of Chinese words with English glued in or spaced."""
    parts = []
    for _ in range(rng.randint(2, 9)):
        clause = []
        for _ in range(rng.randint(2, 8)):
            r = rng.random()
            zh = 0.95 - english
            if r < zh * 0.73:
                clause.append(rng.choice(ZH_WORDS))
            elif r < zh:
                clause.append("".join(rng.choice(ZH_CHARS) for _ in range(rng.randint(1, 3))))
            elif r < 0.95:
                # English glued to Chinese or not, but never to another English word.
                prev = clause[-1] if clause else (parts[-1] if parts else "")
                sep = " " if prev[-1:].isascii() and prev[-1:].isalnum() else rng.choice(["", " ", ""])
                clause.append(sep + rng.choice(EN_TERMS) + rng.choice(["", " ", ""]))
            else:
                clause.append(" " + rng.choice(LATEX) + " ")
        parts.append("".join(clause))
        parts.append(rng.choice(ZH_PUNCT) if rng.random() < 0.8 else rng.choice(EN_PUNCT))
    return "".join(parts)


def notes(n, english=0.20):
    """n notes; english is the share of English terms among the items."""
    rng = random.Random(SEED)
    out = []
    for i in range(1, n + 1):
        out.append((i, None if rng.random() < 0.08 else note(rng, english)))  # some papers have no notes yet
    return out


def spaced_notes(n):
    """n notes of Chinese words separated by spaces or punctuation, as if
    segmented: unicode61 then finds whole words, the case most favourable
    to it, for comparison (real notes do not put spaces between words)."""
    rng = random.Random(SEED)
    out = []
    for i in range(1, n + 1):
        items = []
        for _ in range(rng.randint(10, 60)):
            r = rng.random()
            items.append(rng.choice(ZH_WORDS) if r < 0.75 else
                         rng.choice(EN_TERMS) if r < 0.95 else rng.choice(LATEX))
            items.append(rng.choice([" ", " ", " ", "，", "。"]))
        out.append((i, "".join(items)))
    return out


def templated_notes(n, k=300):
    """n notes whose Chinese comes from k fixed sentences: the case most
    favourable to unicode61 (few distinct tokens), for comparison."""
    rng = random.Random(SEED)
    pool = ["".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(3, 8))) for _ in range(k)]
    out = []
    for i in range(1, n + 1):
        parts = []
        for _ in range(rng.randint(2, 8)):
            parts.append(rng.choice(pool))
            parts.append(rng.choice(["，", "。", "、", " " + rng.choice(EN_TERMS) + " "]))
        out.append((i, "".join(parts)))
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    for i, t in notes(n):
        print("%d\t%s" % (i, "" if t is None else t))
