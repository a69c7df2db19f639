#!/usr/bin/python3
"""gen_readinglist.py MB OUT: write a reading list of about MB megabytes to OUT.

Generated with a fixed seed, in the shapes real lists have: a preface, title
lines (Title Case, some with typos, hashtags or a bracketed venue), zero to
four note paragraphs in Traditional/Simplified Chinese mixed with English,
LaTeX formula lines, sentences resuming with a comma, captions, Markdown
sections with checkboxes, CRLF in some sections.
"""
import random, sys

WORDS = ("Learning Representation Contrastive Video Self-Supervised Transformers Attention "
         "Graph Networks Diffusion Models Generative Adversarial Robust Efficient Scalable "
         "Neural Implicit Fields Vision Language Pre-Training Masked Autoencoders Detection "
         "Segmentation Retrieval Reinforcement Policy Optimization Sparse Mixture Experts").split()
SMALL = "for of with via and in on".split()
NOTES = ["用random feature去近似softmax kernel,attention的複雜度從二次降到線性",
         "bert依賴global self-attention block,通常會耗費大量記憶體",
         "只用stop-gradient就能避免collapse，不需要negative pair和大batch。",
         "資料量不夠的時候效果比CNN差,因為少了locality和translation equivariance這些inductive bias",
         "目標是找flat minima,loss寫成",
         "把圖片切成16x16的patch當成token直接丟進標準transformer,完全不用convolution"]
FORMULAS = [r"\mathrm{Att}(Q,K,V) \approx \hat{D}^{-1}(Q'((K')^{\top}V))",
            r"l_S(x,y,\theta)+\lambda l_U(u,\theta)",
            r"\min_w \max_{\|\epsilon\|_2 \le \rho} L(w+\epsilon)",
            r"L = -\log \frac{e^{s(x,y)/\tau}}{\sum_k e^{s(x,k)/\tau}}"]
RESUME = [",其中Q'和K'是經過feature map之後的矩陣", "，其中D是负的cosine相似度",
          ")也就是用一個view的code去預測另一個view"]
VENUES = ["(NeurIPS 2020)", "(CVPR 2021)", "[ICLR'21]", "(AAAI-20)", ""]

def title(r):
    n = r.randint(4, 11)
    w = [r.choice(WORDS) if i == 0 or r.random() > 0.25 else r.choice(SMALL) for i in range(n)]
    t = " ".join(w)
    if r.random() < 0.3: t = t.replace(" ", ": ", 1)
    if r.random() < 0.05: t += "n"                     # a typo
    if r.random() < 0.2: t += " #" + r.choice(["video", "ssl", "nlp", "3d"])
    v = r.choice(VENUES)
    if v and r.random() < 0.2: t += " " + v
    return t

def entry(r, markdown):
    out = []
    if markdown:
        out.append("- [%s] %s" % (r.choice(" x"), title(r)))
        for _ in range(r.randint(0, 3)):
            out.append("  - " + r.choice(NOTES))
        return "\n".join(out) + "\n"
    out.append(title(r))
    for _ in range(r.randint(0, 4)):
        k = r.random()
        if k < 0.55: out.append(r.choice(NOTES))
        elif k < 0.75: out.append(r.choice(FORMULAS))
        elif k < 0.9: out.append(r.choice(RESUME))
        else: out.append("【conference】-nips2020想讀的論文-筆記%02d" % r.randint(1, 99))
    return "\n\n".join(out) + "\n\n"

def main():
    mb, path = float(sys.argv[1]), sys.argv[2]
    r = random.Random(20201206)
    target = int(mb * 1024 * 1024)
    size = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        head = "看了一下nips2020的oral和spotlight,挑了幾篇想讀的,之後再補筆記~\n\n"
        f.write(head); size += len(head.encode())
        section = 0
        while size < target:
            section += 1
            markdown = section % 5 == 0
            crlf = section % 7 == 0
            chunk = "## Section %d\n\n" % section
            for _ in range(40):
                chunk += entry(r, markdown)
            if crlf: chunk = chunk.replace("\n", "\r\n")
            f.write(chunk); size += len(chunk.encode())

main()
