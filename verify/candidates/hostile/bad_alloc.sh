#!/bin/sh
# What a C++ program prints when an allocation fails under RLIMIT_AS, then SIGABRT.
echo "terminate called after throwing an instance of 'std::bad_alloc'" >&2
echo "  what():  std::bad_alloc" >&2
kill -ABRT $$
