#!/bin/sh
# Reads stdin to the end before answering: only finishes if the runner closes stdin.
cat > /dev/null
echo '{"betti": [1]}'
