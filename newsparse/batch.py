"""Parse many articles on all cores: :func:`parse_many`.

``parse_many`` is an order-preserving, streaming ``map`` of :func:`newsparse.parse_article`
over a process pool. It reads its input lazily, a chunk at a time, and keeps at most a
bounded window of chunks in flight, so memory stays flat on an endless input (a generator
over a file of millions of JSON Lines, a Kafka consumer...).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import itertools
import os
import typing
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from newsparse import model
from newsparse.model import Article, _slot_setters

if typing.TYPE_CHECKING:
    import concurrent.futures
    import multiprocessing.context

    from newsparse.options import Options

__all__ = ["DEFAULT_CHUNKSIZE", "ArticleInput", "Published", "imap", "parse_many"]

Published: TypeAlias = dt.date | str | None
"""A publication date as :func:`newsparse.parse_article` accepts it."""

ArticleInput: TypeAlias = str | tuple[str, Published] | Mapping[str, Any]
"""One item of :func:`parse_many`'s input.

- ``str``: the article text (``published`` comes from the ``published=`` argument);
- ``(text, published)``: a pair; a ``None`` date falls back to the ``published=`` argument;
- a mapping with a ``"text"`` key and an optional ``"published"`` key, such as a decoded
  JSON Lines record (other keys are ignored).
"""

DEFAULT_CHUNKSIZE = 32
"""Articles sent to a worker at a time: large enough to amortise the inter-process cost."""

_Job: TypeAlias = tuple[str, Published]
_In = typing.TypeVar("_In")
_Out = typing.TypeVar("_Out")


# -- A compact codec for articles crossing the process boundary ------------------------
#
# Pickling an attrs instance calls its Python ``__getstate__``/``__setstate__`` field by
# field; for the ~60 objects of a typical article that costs a third of the parse itself,
# paid again on the parent's core. Instead the worker flattens each article into nested
# tuples, which pickle handles in C, and the parent rebuilds the objects with straight-line
# code generated once from the model's own field list (so a new model field needs no change
# here). The worker built and validated the objects, so rebuilding skips the validators.

_PLAIN, _ONE, _OPTIONAL, _MANY = range(4)


def _field_plan(cls: type) -> list[tuple[str, int, type | None]]:
    """Say for each field of *cls* whether it holds model objects, and which."""
    hints = typing.get_type_hints(cls, vars(model))
    plan: list[tuple[str, int, type | None]] = []
    for field in attrs.fields(cls):
        hint = hints[field.name]
        args = typing.get_args(hint)
        inner = [a for a in args if a is not type(None)]
        if attrs.has(hint):
            plan.append((field.name, _ONE, hint))
        elif typing.get_origin(hint) is tuple and args[-1:] == (Ellipsis,) and attrs.has(args[0]):
            plan.append((field.name, _MANY, args[0]))
        elif len(inner) == 1 and len(args) == 2 and attrs.has(inner[0]):  # noqa: PLR2004
            plan.append((field.name, _OPTIONAL, inner[0]))
        else:
            plan.append((field.name, _PLAIN, None))
    return plan


def _identity(value: Any) -> Any:  # noqa: ANN401 - the fallback codec passes anything
    return value


def _plain_slots(cls: type) -> bool:
    """Say whether rebuilding *cls* field by field gives an equal, complete object."""
    names = {f.name for f in attrs.fields(cls)}
    extra = set(getattr(cls, "__slots__", ())) - names - {"__weakref__"}
    hooks = ("__attrs_post_init__", "__attrs_pre_init__")
    return "__slots__" in vars(cls) and not extra and not any(hasattr(cls, h) for h in hooks)


@functools.cache
def _codec() -> tuple[Callable[[Article], Any], Callable[[Any], Article]]:
    """Generate ``(encode, decode)`` for :class:`Article` and the classes it holds.

    Falls back to plain pickling (identity functions) if a model class ever gets
    something a field-by-field rebuild would miss: an init hook, a cached hash, no slots.
    """
    namespace: dict[str, Any] = {"new": object.__new__}
    lines: list[str] = []
    todo: list[type] = [Article]
    seen: set[type] = set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        if not _plain_slots(cls):
            return _identity, _identity
        name = cls.__name__
        namespace[name] = cls
        plan = _field_plan(cls)
        setters = _slot_setters(cls)  # in field order, as the plan
        if setters is None:
            return _identity, _identity
        namespace.update(
            {f"set_{name}_{field}": set_ for (field, _, _), set_ in zip(plan, setters, strict=True)}
        )
        enc, dec = [], [f"def dec_{name}(d):", f"    o = new({name})"]
        for i, (field, kind, sub) in enumerate(plan):
            if sub is not None:
                todo.append(sub)
            if kind == _PLAIN:
                enc.append(f"o.{field}")
                dec.append(f"    set_{name}_{field}(o, d[{i}])")
            elif kind == _ONE:
                enc.append(f"enc_{sub.__name__}(o.{field})")  # type: ignore[union-attr]
                dec.append(f"    set_{name}_{field}(o, dec_{sub.__name__}(d[{i}]))")  # type: ignore[union-attr]
            elif kind == _OPTIONAL:
                sname = sub.__name__  # type: ignore[union-attr]
                enc.append(f"None if o.{field} is None else enc_{sname}(o.{field})")
                dec.append(
                    f"    set_{name}_{field}(o, None if d[{i}] is None else dec_{sname}(d[{i}]))"
                )
            else:
                sname = sub.__name__  # type: ignore[union-attr]
                enc.append(f"tuple(map(enc_{sname}, o.{field}))")
                dec.append(f"    set_{name}_{field}(o, tuple(map(dec_{sname}, d[{i}])))")
        lines.append(f"def enc_{name}(o):\n    return ({', '.join(enc)},)")
        lines.append("\n".join([*dec, "    return o"]))
    exec("\n\n".join(lines), namespace)  # noqa: S102 - our own code, built from attrs fields
    return namespace["enc_Article"], namespace["dec_Article"]


def _normalise(item: ArticleInput, published: Published) -> _Job:
    """Turn one input item into a ``(text, published)`` pair (type errors surface later)."""
    if isinstance(item, str):
        return item, published
    if isinstance(item, tuple):
        if len(item) != 2:  # noqa: PLR2004 - a (text, published) pair
            msg = f"parse_many() items that are tuples must be (text, published); got {len(item)}"
            raise ValueError(msg)
        text, when = item
        return text, published if when is None else when
    if isinstance(item, Mapping):
        if "text" not in item:
            msg = 'parse_many() items that are mappings need a "text" key'
            raise ValueError(msg)
        when = item.get("published")
        return item["text"], published if when is None else when
    # Let parse_article explain the type error (it knows about bytes, for instance).
    return item, published


def _parse_encoded(job: _Job, options: Options | None = None) -> Any:  # noqa: ANN401 - whatever the codec makes
    """Worker side of :func:`parse_many`: parse one article and flatten it for the trip."""
    from newsparse import parse_article  # noqa: PLC0415 - avoid a circular import

    text, when = job
    return _codec()[0](parse_article(text, published=when, options=options))


def _warm_up() -> None:
    """Worker initialiser: load lexicons and compile patterns before the first chunk."""
    from newsparse import parse_article  # noqa: PLC0415 - avoid a circular import

    parse_article('Warm up\n\n"Ready," she said on March 3, 2020, in Paris.')
    _codec()


_WARM_MODULE = "newsparse._warm"
"""Imported by the fork server: runs :func:`_warm_up` once for every worker it forks."""


def _default_processes() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _mp_context() -> multiprocessing.context.BaseContext:
    import multiprocessing  # noqa: PLC0415 - keeps `import newsparse` cheap

    # fork is unsafe in a process that runs threads (Spark, Arrow, Jupyter...), spawn is
    # slow to start; the fork server is both safe and quick where the platform has it.
    if "forkserver" in multiprocessing.get_all_start_methods():
        _preload_in_forkserver()
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows, macOS


def _preload_in_forkserver() -> None:
    """Have the fork server warm newsparse up once, so that every worker forks warm.

    Without this, each worker of each pool compiles the patterns and loads the lexicons
    itself before its first article: a fixed cost of a few hundred milliseconds a pool. The
    fork server is started once per process and outlives the pools, so a module it preloads
    is paid for once. The modules already listed (the user's, ``__main__`` by default) are
    kept. Changing the list has no effect once the fork server runs.
    """
    from multiprocessing import forkserver  # noqa: PLC0415 - keeps `import newsparse` cheap

    server = getattr(forkserver, "_forkserver", None)
    current = list(getattr(server, "_preload_modules", ["__main__"]))
    if _WARM_MODULE not in current:
        forkserver.set_forkserver_preload([*current, _WARM_MODULE])


def _check_options(processes: int | None, chunksize: int, prefetch: int) -> int:
    """Validate the pool options; return the number of worker processes."""
    if processes is not None and (
        isinstance(processes, bool) or not isinstance(processes, int) or processes < 1
    ):
        msg = f"processes must be a positive int or None, got {processes!r}"
        raise ValueError(msg)
    for name, value in (("chunksize", chunksize), ("prefetch", prefetch)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            msg = f"{name} must be a positive int, got {value!r}"
            raise ValueError(msg)
    return _default_processes() if processes is None else processes


def parse_many(
    texts: Iterable[ArticleInput],
    *,
    processes: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    published: Published = None,
    prefetch: int = 2,
    options: Options | None = None,
) -> Generator[Article, None, None]:
    """Parse many articles, in order, on a pool of worker processes.

    The input is read lazily, *chunksize* items at a time; at most
    ``processes * prefetch`` chunks are in flight, so memory stays bounded whatever the
    length of the input. Articles come out in the order of the input, each equal to what
    :func:`~newsparse.parse_article` gives for it.

    With more than one process, the workers are started with the ``forkserver`` method
    (``spawn`` where there is none): a script that calls ``parse_many`` must guard its
    entry point with ``if __name__ == "__main__":``.

    Args:
        texts: The articles: strings, ``(text, published)`` pairs or mappings with
            ``"text"`` and an optional ``"published"`` (see :data:`ArticleInput`).
        processes: Worker processes; ``None`` uses every CPU this process may run on,
            ``1`` parses in the calling process without a pool.
        chunksize: Articles per task sent to a worker.
        published: The publication date for items that do not carry their own.
        prefetch: Chunks kept in flight per process.
        options: Lexicon extensions and switches, as for :func:`~newsparse.parse_article`
            (sent to every worker once per chunk; they are small and picklable).

    Returns:
        A generator of :class:`~newsparse.Article`, one per input item, in input order.
        Closing it early (``break`` out of a loop, ``close()``) shuts the pool down.

    Raises:
        TypeError: An item's text or date has a wrong type (as :func:`parse_article`).
        ValueError: A bad option (at once), or a malformed item or date string. Errors
            in the input are raised in order, after the articles before them.

    >>> articles = parse_many(
    ...     ["It rained on Feb. 3.", ("It snowed on Feb. 3.", "2021-02-04")],
    ...     published="2020-02-04",
    ...     processes=1,
    ... )
    >>> [[d.value for d in a.dates] for a in articles]
    [['2020-02-03'], ['2021-02-03']]
    """
    workers = _check_options(processes, chunksize, prefetch)
    jobs = (_normalise(item, published) for item in texts)
    if workers == 1:
        return _parse_inline(jobs, options)
    work = _parse_encoded if options is None else functools.partial(_parse_encoded, options=options)
    return _decoded(_pooled(work, jobs, workers, chunksize, prefetch))


def _parse_inline(jobs: Iterator[_Job], options: Options | None) -> Generator[Article, None, None]:
    from newsparse import parse_article  # noqa: PLC0415 - avoid a circular import

    for text, when in jobs:
        yield parse_article(text, published=when, options=options)


def _decoded(encoded: Generator[Any, None, None]) -> Generator[Article, None, None]:
    decode = _codec()[1]
    try:
        yield from map(decode, encoded)
    finally:
        encoded.close()


def _inline(func: Callable[[_In], _Out], items: Iterable[_In]) -> Generator[_Out, None, None]:
    yield from map(func, items)


def imap(
    func: Callable[[_In], _Out],
    items: Iterable[_In],
    *,
    processes: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    prefetch: int = 2,
) -> Generator[_Out, None, None]:
    """The engine under :func:`parse_many`: an ordered, streaming, bounded ``map`` on a pool.

    ``func`` runs in the workers, so it must be picklable (a module-level function or a
    ``functools.partial`` of one) and so must the items and results. Use it to do more of
    the work where the parsing happens, for example turning each article into a JSON line
    or into records, so that only small strings cross back to the parent.

    Args:
        func: Applied to each item, in a worker process.
        items: The inputs, read lazily.
        processes: Worker processes (``None``: every CPU; ``1``: no pool, in this process).
        chunksize: Items per task.
        prefetch: Chunks kept in flight per process.
        options: Lexicon extensions and switches, as for :func:`~newsparse.parse_article`
            (sent to every worker once per chunk; they are small and picklable).

    Returns:
        A generator of ``func(item)``, in input order. An exception from *func* or from
        the input is raised in order, after the results before it.

    >>> list(imap(len, ["a", "bb", "ccc"], processes=1))
    [1, 2, 3]
    """
    workers = _check_options(processes, chunksize, prefetch)
    if workers == 1:
        return _inline(func, items)
    return _pooled(func, items, workers, chunksize, prefetch)


def _apply_chunk(
    func: Callable[[_In], _Out], chunk: list[_In]
) -> tuple[list[_Out], Exception | None]:
    """Worker side: apply *func* to a chunk; on an error, the results before it and the error."""
    done: list[_Out] = []
    try:
        done.extend(map(func, chunk))
    except Exception as exc:  # noqa: BLE001 - handed back, raised in order by the parent
        return done, exc
    return done, None


def _read_chunk(items: Iterator[_In], size: int) -> tuple[list[_In], Exception | None]:
    """Take up to *size* items; on an error in the input, the items before it and the error."""
    chunk: list[_In] = []
    try:
        chunk.extend(itertools.islice(items, size))
    except Exception as exc:  # noqa: BLE001 - raised in order by the caller
        return chunk, exc
    return chunk, None


def _pooled(
    func: Callable[[_In], _Out],
    items: Iterable[_In],
    workers: int,
    chunksize: int,
    prefetch: int,
) -> Generator[_Out, None, None]:
    source = iter(items)
    window = workers * prefetch
    pending: collections.deque[concurrent.futures.Future[tuple[list[_Out], Exception | None]]]
    pending = collections.deque()
    failure: Exception | None = None  # from the input: raised after the results before it
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - cheap import

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context(), initializer=_warm_up)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk, failure = _read_chunk(source, chunksize)
                exhausted = failure is not None or len(chunk) < chunksize
                if chunk:
                    pending.append(pool.submit(_apply_chunk, func, chunk))
            if not pending:
                break
            results, error = pending.popleft().result()
            yield from results
            if error is not None:
                raise error
        if failure is not None:
            raise failure
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
