#!/usr/bin/python3
# Allocates (and touches) 1 GiB chunks forever: dies with MemoryError under RLIMIT_AS.
chunks = []
while True:
    chunk = bytearray(1 << 30)
    chunk[:: 1 << 12] = b"x" * (len(chunk) >> 12)
    chunks.append(chunk)
