#!/bin/sh
# Exit 0 with stdout that is not JSON (truncated object).
cat > /dev/null
printf '{"betti": [1, 0,'
