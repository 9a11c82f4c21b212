"""Warm newsparse up on import: the fork server of :func:`newsparse.parse_many` preloads it.

Importing this module loads every stage, compiles its patterns, reads the lexicons and
generates the article codec, by parsing one short article. The fork server imports it once,
so the workers it forks start with all of that in memory (shared copy-on-write) instead of
each doing it again, and then freezes the collector's view of them (`gc.freeze`). Nothing
else should import it.
"""

from __future__ import annotations

import contextlib
import gc

from newsparse.batch import _warm_up

# A failure here must not take the fork server down: the workers' initialiser warms up then.
with contextlib.suppress(Exception):
    _warm_up()

# The fork server is newsparse's own process: move what it holds (lexicons, patterns) out of
# the collector's sight, so that the workers' collections neither walk those objects again
# nor write to their pages (which would copy them, page by page, into every worker).
gc.freeze()
