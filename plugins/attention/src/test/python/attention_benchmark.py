"""The attention blocks of doppel-attention, written again in PyTorch for a side-by-side time.

Run by AttentionBenchmarkTest (same sizes, warm-up and repeats as the Java side), once per
round in a fresh process: a line "torch <version>", then one tab-separated line per variant
and thread count, "row <variant> <threads> <train> <batch 1> <batch 64>", with the
training-step time (batch 64, Adam, linear head on the last query, mean squared error) and
the inference latency at batch 1 and 64, medians in milliseconds.
Arguments: tokens width batch warm_up repeats.
"""
import math
import statistics
import sys
import time

import torch
from torch import nn


def masked_softmax(scores, allowed):
    excluded = scores * allowed + (allowed - 1.0) * 1e9
    return torch.softmax(excluded, dim=-1) * allowed


class SelfAttention(nn.Module):
    """dot-product, local (window) and top-k (k): one head, no biases, output projection."""

    def __init__(self, tokens, width, window=None, k=None):
        super().__init__()
        self.query = nn.Linear(width, width, bias=False)
        self.key = nn.Linear(width, width, bias=False)
        self.value = nn.Linear(width, width, bias=False)
        self.out = nn.Linear(width, width, bias=False)
        self.width, self.k = width, k
        positions = torch.arange(tokens)
        band = (positions[:, None] - positions[None, :]).abs() <= (window or tokens)
        self.register_buffer("band", band.float())

    def forward(self, tokens, key_mask):
        scores = self.query(tokens) @ self.key(tokens).transpose(1, 2) / math.sqrt(self.width)
        allowed = key_mask[:, None, :] * self.band
        if self.k is not None:
            ranked = (scores * allowed + (allowed - 1.0) * 1e9).detach()
            kept = torch.zeros_like(scores).scatter_(-1, ranked.topk(self.k, dim=-1).indices,
                                                     1.0)
            allowed = allowed * kept
        weights = masked_softmax(scores, allowed)
        return self.out(weights @ self.value(tokens))


class LearnedQuery(nn.Module):
    def __init__(self, tokens, width, queries=1):
        super().__init__()
        self.queries = nn.Parameter(torch.randn(queries, width) / math.sqrt(width))
        self.key = nn.Linear(width, width, bias=False)
        self.value = nn.Linear(width, width, bias=False)
        self.width = width

    def forward(self, tokens, key_mask):
        scores = torch.einsum("qw,btw->bqt", self.queries, self.key(tokens))
        weights = masked_softmax(scores / math.sqrt(self.width), key_mask[:, None, :])
        return weights @ self.value(tokens)


class Additive(nn.Module):
    """A tanh cell unrolled with the same padding blend as the Java block, then additive
    scoring of the states against the last state, averaging the tokens' values."""

    def __init__(self, tokens, width):
        super().__init__()
        self.input = nn.Linear(width, width, bias=False)
        self.recurrent = nn.Linear(width, width, bias=False)
        self.bias = nn.Parameter(torch.zeros(width))
        self.state = nn.Linear(width, width, bias=False)
        self.ask = nn.Linear(width, width, bias=False)
        self.score = nn.Linear(width, 1, bias=False)
        self.value = nn.Linear(width, width, bias=False)

    def forward(self, tokens, key_mask):
        drive = self.input(tokens)
        states, previous = [], None
        for t in range(tokens.shape[1]):
            real = key_mask[:, t:t + 1]
            step = drive[:, t] + self.bias
            if previous is not None:
                step = step + self.recurrent(previous)
            state = torch.tanh(step) * real
            if previous is not None:
                state = state + previous * (1.0 - real)
            states.append(state)
            previous = state
        encoded = torch.stack(states, dim=1)
        energy = torch.tanh(self.state(encoded) + self.ask(previous)[:, None, :])
        weights = masked_softmax(self.score(energy).transpose(1, 2), key_mask[:, None, :])
        return weights @ self.value(tokens)


class MultiHead(nn.Module):
    """multi-head: padded tokens zeroed, per-head scaled scores with a key bias, biased
    projections, output projection and a residual, as MultiHeadAttention builds it."""

    def __init__(self, tokens, width, heads=4):
        super().__init__()
        self.query = nn.Linear(width, width)
        self.key = nn.Linear(width, width)
        self.value = nn.Linear(width, width)
        self.out = nn.Linear(width, width)
        self.heads, self.d = heads, width // heads

    def forward(self, tokens, key_mask):
        batch, n, width = tokens.shape
        x = tokens * key_mask[:, :, None]

        def split(projected):
            return projected.view(batch, n, self.heads, self.d).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(2, 3) / math.sqrt(self.d)
        scores = scores + ((key_mask - 1.0) * 1e9)[:, None, None, :]
        context = torch.softmax(scores, dim=-1) @ v
        merged = context.transpose(1, 2).reshape(batch, n, width)
        return x + self.out(merged)


class NoAttention(nn.Module):
    """none: padded tokens zeroed, a per-token feed-forward layer with a residual, masked."""

    def __init__(self, tokens, width):
        super().__init__()
        self.inner = nn.Linear(width, width)
        self.outer = nn.Linear(width, width)

    def forward(self, tokens, key_mask):
        mask = key_mask[:, :, None]
        x = tokens * mask
        return (x + self.outer(torch.relu(self.inner(x)))) * mask


class Forecaster(nn.Module):
    def __init__(self, block, width):
        super().__init__()
        self.block = block
        self.head = nn.Linear(width, 1)

    def forward(self, tokens, key_mask):
        return self.head(self.block(tokens, key_mask)[:, -1, :])


def median_ms(action, warm_up, repeats):
    for _ in range(warm_up):
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def main():
    tokens, width, batch, warm_up, repeats = (int(a) for a in sys.argv[1:6])
    torch.manual_seed(1)
    blocks = {
        "dot-product": lambda: SelfAttention(tokens, width),
        "learned-query": lambda: LearnedQuery(tokens, width),
        "additive": lambda: Additive(tokens, width),
        "top-k": lambda: SelfAttention(tokens, width, k=8),
        "local": lambda: SelfAttention(tokens, width, window=4),
        "multi-head": lambda: MultiHead(tokens, width, heads=4),
        "none": lambda: NoAttention(tokens, width),
    }
    x = torch.randn(batch, tokens, width)
    mask = torch.ones(batch, tokens)
    y = torch.randn(batch, 1)
    print(f"torch {torch.__version__}", flush=True)
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for name, make in blocks.items():
            model = Forecaster(make(), width)
            optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)

            def step():
                optimiser.zero_grad()
                loss = ((model(x, mask) - y) ** 2).mean()
                loss.backward()
                optimiser.step()

            def infer(rows):
                with torch.no_grad():
                    model(x[:rows], mask[:rows])

            train = median_ms(step, warm_up, repeats)
            one = median_ms(lambda: infer(1), warm_up, repeats)
            many = median_ms(lambda: infer(batch), warm_up, repeats)
            print(f"row\t{name}\t{threads}\t{train:.3f}\t{one:.4f}\t{many:.4f}", flush=True)


if __name__ == "__main__":
    main()
