#!/usr/bin/env python3
"""Writes the TorchScript modules that give the Java side PyTorch ops DJL does not bind.

Usage: make_torchscript_ops.py [OUT_DIR]   (default: src/main/resources/io/mixnetspark/model/blocks)

DJL 0.36's PyTorch engine has no fused SiLU (Swish would cost two elementwise passes forward and
three backward), no memory-format API (channels-last convolutions are much faster on the CPU), and
its dtype conversion is not recorded by autograd (mixed-precision training needs casts that are).
Each scripted module's forward is one such op; the Java side (TorchScriptOp) calls it through
DJL's TorchScript entry point. The archives hold only code, no weights (2-3 KB each); PyTorch
>= 1.7 can write them and later versions load them. Made with Debian's python3-torch 1.13
(apt-get install python3-torch).
"""
import os
import sys

import torch


class Silu(torch.nn.Module):
    """x * sigmoid(x) in one fused kernel."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.silu(x)


class ChannelsLast(torch.nn.Module):
    """The same tensor, stored NHWC."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.contiguous(memory_format=torch.channels_last)


class ToHalf(torch.nn.Module):
    """The same values as float16, layout kept; differentiable (the gradient comes back as float32)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float16)


class ToFloat(torch.nn.Module):
    """The same values as float32, layout kept; differentiable."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/io/mixnetspark/model/blocks"
    os.makedirs(out, exist_ok=True)
    modules = (("silu.pt", Silu()), ("channels_last.pt", ChannelsLast()), ("to_half.pt", ToHalf()),
               ("to_float.pt", ToFloat()))
    for name, module in modules:
        torch.jit.script(module).save(os.path.join(out, name))
        print("wrote", os.path.join(out, name))


if __name__ == "__main__":
    main()
