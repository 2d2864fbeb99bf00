#!/bin/sh
# Exit 0 with NaN and Infinity in the answer (not JSON numbers).
cat > /dev/null
echo '{"betti": [1, 0, 0], "spectrum": [NaN, 1.0, Infinity]}'
