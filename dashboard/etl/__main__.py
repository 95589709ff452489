"""``python -m dashboard.etl``: rebuild data/ from the raw sources."""

import sys

from dashboard.etl.run import main

sys.exit(main())
