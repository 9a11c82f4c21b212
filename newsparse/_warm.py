"""Warm newsparse up on import: the fork server of :func:`newsparse.parse_many` preloads it.

Importing this module loads every stage, compiles its patterns, reads the lexicons and
generates the article codec, by parsing one short article. The fork server imports it once,
so the workers it forks start with all of that in memory (shared copy-on-write) instead of
each doing it again. Nothing else should import it.
"""

from __future__ import annotations

import contextlib

from newsparse.batch import _warm_up

# A failure here must not take the fork server down: the workers' initialiser warms up then.
with contextlib.suppress(Exception):
    _warm_up()
