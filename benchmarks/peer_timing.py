"""Timing shared by the peer scripts: wall and CPU seconds of one call, as the C++ benchmarks
report them."""
import time


def timed(f):
    """Returns (f(), wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = f()
    return out, time.perf_counter() - wall, time.process_time() - cpu
