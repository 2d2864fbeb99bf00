#!/bin/sh
# Exit 0 with well-formed JSON of the wrong types.
cat > /dev/null
echo '{"betti": "one, zero, zero", "euler_characteristic": [1], "spectrum": {"0": 1}}'
