"""PyTorch's own dynamic int8 quantization and magnitude pruning on the architecture of the
compression tests' model (TinySurrogate), for the side-by-side table in
docs/notes/compression.md.

Same series formula, window, horizon, widths, optimiser and epochs as the Java fixture; the
noise comes from NumPy's generator, so the numbers are comparable, not identical. Run with
Debian's python3-torch: /usr/bin/python3 torch_compare.py [width]
"""
import io
import os
import statistics
import sys
import tempfile
import time

import numpy as np
import torch
from torch import nn
from torch.nn.utils import prune

WINDOW, FEATURES, HORIZON, BATCH, EPOCHS = 24, 2, 6, 64, 60
WIDTH = int(sys.argv[1]) if len(sys.argv) > 1 else 64
torch.manual_seed(42)
torch.set_num_threads(1)


def windows(length=1200, seed=42):
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    day = 2 * np.pi * t / 24.0
    series = np.sin(day) + 0.4 * np.cos(2 * day) + 0.3 * np.sin(day / 7) \
        + 0.05 * rng.standard_normal(length)
    count = length - WINDOW - HORIZON + 1
    x = np.zeros((count, WINDOW, FEATURES), np.float32)
    y = np.zeros((count, HORIZON), np.float32)
    for i in range(count):
        x[i, :, 0] = series[i:i + WINDOW]
        x[i, :, 1] = np.sin(2 * np.pi * ((i + np.arange(WINDOW)) % 24) / 24.0)
        y[i] = series[i + WINDOW:i + WINDOW + HORIZON]
    return torch.from_numpy(x), torch.from_numpy(y)


class Tiny(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.embed = nn.Linear(WINDOW * FEATURES, width)
        self.q = nn.Linear(width, width, bias=False)
        self.hidden = nn.Linear(width, width)
        self.head = nn.Linear(width, HORIZON)

    def forward(self, x):
        h = torch.tanh(self.embed(x.flatten(1)))
        h = h + torch.tanh(self.q(h))
        return self.head(torch.relu(self.hidden(h)))


def train(model, x, y, epochs):
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(epochs):
        for start in range(0, len(x), BATCH):
            optimiser.zero_grad()
            loss = nn.functional.mse_loss(model(x[start:start + BATCH]), y[start:start + BATCH])
            loss.backward()
            optimiser.step()


def millis(model, x, batch):
    sample = x[:batch]
    with torch.no_grad():
        for _ in range(50):
            model(sample)
        times = []
        for _ in range(300):
            start = time.perf_counter()
            model(sample)
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def size(model):
    with tempfile.NamedTemporaryFile(delete=False) as handle:
        torch.save(model.state_dict(), handle)
    bytes_ = os.path.getsize(handle.name)
    os.unlink(handle.name)
    return bytes_


def counts(model):
    tensors = [p for p in model.state_dict().values() if isinstance(p, torch.Tensor)
               and p.is_floating_point()]
    packed = [m for m in model.modules()
              if hasattr(m, "_packed_params") and hasattr(type(m), "weight")]
    if packed:
        tensors = [m.weight().dequantize() for m in packed] \
            + [m.bias() for m in packed if m.bias() is not None]
    return sum(t.numel() for t in tensors), sum(int((t != 0).sum()) for t in tensors)


def row(name, model, vx, vy):
    with torch.no_grad():
        mae = (model(vx) - vy).abs().mean().item()
    total, nonzero = counts(model)
    print(f"| {name} | {total} | {nonzero} | {size(model)} | {millis(model, vx, 1):.3f} "
          f"| {millis(model, vx, 64):.3f} | {mae:.4f} |")


def pruned(base, sparsity, tx, ty, epochs):
    model = Tiny(WIDTH)
    model.load_state_dict(base.state_dict())
    layers = [(model.embed, "weight"), (model.q, "weight"), (model.hidden, "weight"),
              (model.head, "weight")]
    prune.global_unstructured(layers, pruning_method=prune.L1Unstructured, amount=sparsity)
    train(model, tx, ty, epochs)  # the pruning masks keep pruned weights at zero
    for module, name in layers:
        prune.remove(module, name)
    return model


def main():
    x, y = windows()
    split = len(x) * 3 // 4
    tx, ty, vx, vy = x[:split], y[:split], x[split:], y[split:]
    base = Tiny(WIDTH)
    train(base, tx, ty, EPOCHS)
    base.eval()

    print(f"| PyTorch {torch.__version__} (width {WIDTH}) | parameters | non-zero | bytes "
          "| ms batch 1 | ms batch 64 | validation MAE |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    row("float", base, vx, vy)
    dynamic = torch.ao.quantization.quantize_dynamic(base, {nn.Linear}, dtype=torch.qint8)
    row("dynamic int8 (quantize_dynamic)", dynamic, vx, vy)
    for sparsity, epochs in ((0.5, 0), (0.5, 5), (0.8, 5)):
        model = pruned(base, sparsity, tx, ty, epochs)
        row(f"L1 unstructured {sparsity}, {epochs} epochs fine-tuning", model, vx, vy)
    model = pruned(base, 0.8, tx, ty, 5)
    row("L1 0.8 (5 ep) → dynamic int8", torch.ao.quantization.quantize_dynamic(
        model, {nn.Linear}, dtype=torch.qint8), vx, vy)


if __name__ == "__main__":
    main()
