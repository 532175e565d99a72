"""Entry point of `python -m indicators`."""

import sys

from indicators.cli import main

sys.exit(main())
