"""SplitMix64, the generator the C++ benchmarks draw their inputs with, so that a peer script
draws exactly the same input: a stream (splitmix64) and a counter-based form (uniform53: the
draw of counter k, vectorised with NumPy)."""

MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def splitmix64(seed):
    state = seed
    while True:
        state = (state + GAMMA) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def uniform53(seed, k):
    """53-bit draws of the counters k (a uint64 NumPy array): mix(seed + (k + 1)·γ) >> 11."""
    import numpy as np

    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (k + np.uint64(1)) * np.uint64(GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return (z ^ (z >> np.uint64(31))) >> np.uint64(11)
