#!/usr/bin/env python3
"""Writes the TorchScript modules that give the Java side PyTorch ops DJL does not bind.

Usage: make_torchscript_ops.py [OUT_DIR]   (default: src/main/resources/io/mixnetspark/model/blocks)

DJL 0.36's PyTorch engine has no fused SiLU (Swish would cost two elementwise passes forward and
three backward), no memory-format API (channels-last convolutions are much faster on the CPU), and
its dtype conversion is not recorded by autograd (mixed-precision training needs casts that are).
Nor does it bind oneDNN's convolution with a fused activation (PyTorch >= 2.0's
mkldnn::_convolution_pointwise), which spares the eval forward a pass over every activated output.
A 1x1 convolution computed as one matrix product with its bias (pointwise.pt, differentiable, and
oneDNN's own matrix product with a fused activation for eval, linear*.pt) replaces oneDNN's 1x1
convolutions where those are wrong (docs/numerics.md). Each scripted module's forward is one
such op; the Java side (TorchScriptOp) calls it through
DJL's TorchScript entry point. The archives hold only code, no weights (1-3 KB each); PyTorch
>= 1.7 can write them and later versions load them. Made with Debian's python3-torch 1.13
(apt-get install python3-torch).

torch 1.13 has no mkldnn::_convolution_pointwise or mkldnn::_linear_pointwise, so it cannot script
a call to them. The fused convolutions are scripted with torch.mkldnn_convolution (same leading
arguments), the products with torch.addmm, and the call is then renamed in the archive's code, which the loading libtorch compiles (DJL's is 2.7). The
archive's debug tables, whose source ranges would no longer match, are left out.
"""
import os
import sys
import zipfile

import torch
from torch import Tensor


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


class ConvActivation(torch.nn.Module):
    """A square convolution with zero padding kernel // 2, dilation 1 and the groups the shapes
    imply; renamed by write_fused to one with a fused activation. The stride comes as a 0-d tensor:
    DJL passes plain tensor lists without switching gradient mode (other arguments need its
    IValue path, which always runs the module under its own inference guard)."""

    def forward(self, x: Tensor, weight: Tensor, bias: Tensor, stride: Tensor) -> Tensor:
        step = int(stride.item())
        padding = weight.size(2) // 2
        groups = x.size(1) // weight.size(1)
        return torch.mkldnn_convolution(x, weight, bias, [padding, padding], [step, step], [1, 1], groups)


class Pointwise(torch.nn.Module):
    """A 1x1 convolution with stride 1 as one matrix product over the channels, the bias added by the
    product itself (addmm / baddbmm): for a channels-last input the (pixels, channels) matrix is the
    input as it lies in memory and the (pixels, filters) result is the channels-last output. The
    groups are the input's channels over the weight's."""

    def forward(self, x: Tensor, weight: Tensor, bias: Tensor) -> Tensor:
        n, c, h, w = x.shape
        filters = weight.size(0)
        groups = c // weight.size(1)
        rows = x.permute(0, 2, 3, 1).reshape(n * h * w, c)
        if groups == 1:
            out = torch.addmm(bias, rows, weight.reshape(filters, c).t())
        else:
            per_group = rows.reshape(n * h * w, groups, c // groups).transpose(0, 1)
            kernels = weight.reshape(groups, filters // groups, c // groups).transpose(1, 2)
            shift = bias.reshape(groups, 1, filters // groups)
            out = torch.baddbmm(shift, per_group, kernels).transpose(0, 1).reshape(n * h * w, filters)
        return out.reshape(n, h, w, filters).permute(0, 3, 1, 2)


class Linear(torch.nn.Module):
    """A 1x1 convolution with stride 1 and no groups as one matrix product over the channels, as
    Pointwise; renamed by write_fused to oneDNN's matrix product (PyTorch >= 2.0's
    mkldnn::_linear_pointwise, no derivative) with a post-op ("none", "relu", "swish"). oneDNN's
    product computes right on CPUs where its 1x1 convolutions do not (docs/numerics.md) and about
    twice as fast as PyTorch's BLAS on the AMD EPYC measured there."""

    def forward(self, x: Tensor, weight: Tensor, bias: Tensor) -> Tensor:
        n, c, h, w = x.shape
        filters = weight.size(0)
        rows = x.permute(0, 2, 3, 1).reshape(n * h * w, c)
        out = torch.addmm(bias, rows, weight.reshape(filters, c))
        return out.reshape(n, h, w, filters).permute(0, 3, 1, 2)


CONVOLUTION = (ConvActivation,
               "torch.mkldnn_convolution(x, weight, bias, [padding, padding], [step, step], [1, 1], groups)",
               "ops.mkldnn._convolution_pointwise(x, weight, bias, [padding, padding], [step, step], [1, 1], "
               "groups, \"{}\", annotate(List[Optional[number]], []), None)")
PRODUCT = (Linear, "torch.addmm(bias, rows, torch.reshape(weight, [filters, c]))",
           "ops.mkldnn._linear_pointwise(rows, torch.reshape(weight, [filters, c]), bias, \"{}\", "
           "annotate(List[Optional[number]], []), \"\")")


def write_fused(path, kind, attribute):
    """Writes kind's module (CONVOLUTION or PRODUCT) with its call renamed to oneDNN's op with the
    post-op `attribute` ("none", "relu", "swish")."""
    module, scripted_call, fused_call = kind
    scripted = path + ".scripted"
    torch.jit.script(module()).save(scripted)
    try:
        with zipfile.ZipFile(scripted) as source, zipfile.ZipFile(path, "w") as target:
            for entry in source.infolist():
                if entry.filename.endswith(".debug_pkl"):
                    continue
                data = source.read(entry.filename)
                if entry.filename.endswith("/code/__torch__.py"):
                    code = data.decode()
                    if scripted_call not in code:
                        raise SystemExit("unexpected scripted code, cannot rename the call:\n" + code)
                    data = code.replace(scripted_call, fused_call.format(attribute)).encode()
                target.writestr(entry, data)
    finally:
        os.remove(scripted)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/io/mixnetspark/model/blocks"
    os.makedirs(out, exist_ok=True)
    modules = (("silu.pt", Silu()), ("channels_last.pt", ChannelsLast()), ("to_half.pt", ToHalf()),
               ("to_float.pt", ToFloat()), ("pointwise.pt", Pointwise()))
    for name, module in modules:
        torch.jit.script(module).save(os.path.join(out, name))
        print("wrote", os.path.join(out, name))
    for name, kind, attribute in (("conv_relu.pt", CONVOLUTION, "relu"), ("conv_swish.pt", CONVOLUTION, "swish"),
                                  ("linear.pt", PRODUCT, "none"), ("linear_relu.pt", PRODUCT, "relu"),
                                  ("linear_swish.pt", PRODUCT, "swish")):
        write_fused(os.path.join(out, name), kind, attribute)
        print("wrote", os.path.join(out, name))


if __name__ == "__main__":
    main()
