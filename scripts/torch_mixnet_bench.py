"""The PyTorch reference of docs/benchmarks-log.md ("Against the PyTorch reference"): MixNet-S written out in
plain PyTorch after timm's architecture (same blocks, kernels, splits and parameter count, 4,134,606,
printed), timed on random batches in eager mode or channels-last, as an inference forward
(no_grad, eval) or a training step (SGD momentum 0.9, weight decay 1e-5, label-smoothed
cross-entropy, as TrainStepBenchmark).

Usage: python3 scripts/torch_mixnet_bench.py --mode forward|train --batch 16 --size 224
       [--threads 2] [--channels_last] [--warmup 3] [--steps 10] [--profile]
Needs Debian's python3-torch (apt-get install python3-torch); nothing else.
"""
import argparse, time, torch, torch.nn as nn, torch.nn.functional as F

def split(c, n):
    s = [c // n] * n; s[0] += c - sum(s); return s

class MixConv(nn.Module):
    def __init__(self, cin, cout, ks, stride=1, dw=False):
        super().__init__()
        self.si = split(cin, len(ks)); so = split(cout, len(ks))
        self.convs = nn.ModuleList(nn.Conv2d(i, o, k, stride, k // 2, groups=i if dw else 1, bias=False)
                                   for i, o, k in zip(self.si, so, ks))
    def forward(self, x):
        if len(self.convs) == 1: return self.convs[0](x)
        return torch.cat([c(p) for c, p in zip(self.convs, torch.split(x, self.si, 1))], 1)

class SE(nn.Module):
    def __init__(self, c, rd, act):
        super().__init__(); self.r = nn.Conv2d(c, rd, 1); self.e = nn.Conv2d(rd, c, 1); self.act = act
    def forward(self, x):
        s = x.mean((2, 3), keepdim=True); return x * torch.sigmoid(self.e(self.act(self.r(s))))

class IR(nn.Module):
    def __init__(self, cin, cout, k, s, e, a, p, se, act):
        super().__init__(); mid = cin * e; self.act = act
        self.pw = MixConv(cin, mid, [1] * a) if e != 1 else None
        self.bn1 = nn.BatchNorm2d(mid) if e != 1 else None
        self.dw = MixConv(mid, mid, k, s, dw=True); self.bn2 = nn.BatchNorm2d(mid)
        self.se = SE(mid, max(1, int(cin * se)), act) if se else None
        self.pwl = MixConv(mid, cout, [1] * p); self.bn3 = nn.BatchNorm2d(cout)
        self.res = s == 1 and cin == cout
    def forward(self, x):
        y = x
        if self.pw is not None: y = self.act(self.bn1(self.pw(y)))
        y = self.act(self.bn2(self.dw(y)))
        if self.se is not None: y = self.se(y)
        y = self.bn3(self.pwl(y))
        return y + x if self.res else y

class DS(nn.Module):
    def __init__(self, cin, cout):
        super().__init__(); self.dw = nn.Conv2d(cin, cin, 3, 1, 1, groups=cin, bias=False); self.bn1 = nn.BatchNorm2d(cin)
        self.pw = nn.Conv2d(cin, cout, 1, bias=False); self.bn2 = nn.BatchNorm2d(cout)
    def forward(self, x):
        return self.bn2(self.pw(F.relu(self.bn1(self.dw(x))))) + x

# timm's mixnet_s block table after the stage-0 depthwise-separable block:
# (repeats, kernels, stride, expansion, exp groups, pwl groups, out, se ratio, swish)
S = [(1, [3], 2, 6, 2, 2, 24, 0, 0), (1, [3], 1, 3, 2, 2, 24, 0, 0),
     (1, [3, 5, 7], 2, 6, 1, 1, 40, .5, 1), (3, [3, 5], 1, 6, 2, 2, 40, .5, 1),
     (1, [3, 5, 7], 2, 6, 1, 2, 80, .25, 1), (2, [3, 5], 1, 6, 1, 2, 80, .25, 1),
     (1, [3, 5, 7], 1, 6, 2, 2, 120, .5, 1), (2, [3, 5, 7, 9], 1, 3, 2, 2, 120, .5, 1),
     (1, [3, 5, 7, 9, 11], 2, 6, 1, 1, 200, .5, 1), (2, [3, 5, 7, 9], 1, 6, 1, 2, 200, .5, 1)]

def mixnet_s(classes=1000):
    layers = [nn.Conv2d(3, 16, 3, 2, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU(), DS(16, 16)]
    c = 16
    for r, k, s, e, a, p, o, se, sw in S:
        for i in range(r):
            layers.append(IR(c, o, k, s if i == 0 else 1, e, a, p, se, nn.SiLU() if sw else nn.ReLU())); c = o
    layers += [nn.Conv2d(c, 1536, 1, bias=False), nn.BatchNorm2d(1536), nn.ReLU(),
               nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1536, classes)]
    return nn.Sequential(*layers)

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["forward", "train"], default="forward")
    ap.add_argument("--batch", type=int, default=16); ap.add_argument("--size", type=int, default=224)
    ap.add_argument("--threads", type=int, default=2); ap.add_argument("--channels_last", action="store_true")
    ap.add_argument("--warmup", type=int, default=3); ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(0)
    m = mixnet_s(); n = sum(p.numel() for p in m.parameters())
    x = torch.randn(a.batch, 3, a.size, a.size); y = torch.randint(0, 1000, (a.batch,))
    fmt = torch.channels_last if a.channels_last else torch.contiguous_format
    m = m.to(memory_format=fmt); x = x.contiguous(memory_format=fmt)
    opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-5)
    def step():
        if a.mode == "forward":
            with torch.no_grad(): m(x)
        else:
            opt.zero_grad(); F.cross_entropy(m(x), y, label_smoothing=0.1).backward(); opt.step()
    m.train(a.mode == "train")
    for _ in range(a.warmup): step()
    t = time.perf_counter()
    for _ in range(a.steps): step()
    ips = a.batch * a.steps / (time.perf_counter() - t)
    print(f"torch {torch.__version__} params {n} mode {a.mode} batch {a.batch} size {a.size} threads {a.threads} "
          f"channels_last {a.channels_last}: {ips:.1f} images/s")
    if a.profile:
        with torch.autograd.profiler.profile() as prof: step()
        print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=25))
