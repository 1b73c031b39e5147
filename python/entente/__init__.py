"""entente from Python: strategic relationships among states, from the field's standard data.

``World`` opens a world (a store file built by ``entente import``, or the bundled default world)
and offers the command line's verbs as methods. Each answers with what ``entente VERB --format
json`` prints for the same query, computed by the same library:

* results that are tables (dyads, states, actors, dyad, relations, triangle, balancer, blocs,
  idealpoints, cite) come as a ``pandas.DataFrame`` of the JSON's ``rows``, one column per JSON
  field (nested objects stay dicts in their cells; JSON null reads NaN or None), with the other
  fields of the result (source, years, ...) in ``DataFrame.attrs``;
* the others (info, explain, balance, landscape, scenario, bargain) come as the JSON's dict.

Parameter names and defaults are the CLI's options; ``from`` and ``with`` are Python keywords, so
they are ``from_`` and ``with_`` here. States are named as on the command line: COW code,
abbreviation, ISO3 code or name. An unknown state raises ``UnknownStateError`` (a ``LookupError``),
any other bad input ``RuntimeError`` or ``ValueError``, with the CLI's message.

    >>> import entente
    >>> world = entente.World()
    >>> world.triangle("USA", "CHN", "RUS", 1950, 2012)   # a DataFrame, one row per year
"""

import json
import os

from ._entente import Session as _Session
from ._entente import UnknownStateError

__all__ = ["World", "UnknownStateError"]


def _frame(text):
    """The JSON text of a result as a DataFrame of its rows, the other fields in .attrs."""
    # pandas is imported here, not at the top, so that `import entente` and the dict results work
    # where pandas is not installed.
    import pandas

    result = json.loads(text)
    rows = result.pop("rows")
    frame = pandas.DataFrame.from_records(rows) if rows else pandas.DataFrame()
    frame.attrs.update(result)
    return frame


def _names(states):
    """A list of state names from a list, a comma-separated string (as on the CLI) or None."""
    if states is None:
        return []
    if isinstance(states, str):
        return [s for s in states.split(",") if s]
    return [str(s) for s in states]


class World:
    """One world: a store file opened read-only, or the bundled default world.

    World(db=None): ``db`` is the path of a store written by ``entente import`` (the CLI's
    ``--db``); None opens the bundled default world (data/default-world.json, compiled into
    the library).

    A World answers one query at a time; the computation holds the interpreter's lock (Ctrl-C
    waits until the query ends).
    """

    def __init__(self, db=None):
        self._session = _Session(None if db is None else os.fspath(db))

    def __repr__(self):
        return f"entente.World({self._session.label()!r})"

    @property
    def label(self):
        """The store's path, or "bundled default world"."""
        return self._session.label()

    def info(self):
        """What the store holds (``entente info``): counts, datasets with their files and years,
        evidence scope and event layers, as a dict."""
        return json.loads(self._session.info())

    def cite(self):
        """References for every dataset in the store (``entente cite``): a DataFrame with the
        citation and BibTeX of each."""
        return _frame(self._session.cite())

    def actors(self, year=None):
        """The states (``entente actors``), or those in the system in ``year``: a DataFrame of
        ccode, abbrev, iso3, iso_numeric, name and spells."""
        return _frame(self._session.actors(year))

    def dyad(self, a, b, from_=None, to=None):
        """The evidence between two states, year by year (``entente dyad A B``): a DataFrame, one
        row per year, nested layers as dicts. ``from_``/``to`` default to the years both are
        states within the store's evidence."""
        return _frame(self._session.dyad(str(a), str(b), from_, to))

    def relations(self, year=2012, actors=None, profile=None):
        """Every relationship of a year by the stance model (``entente relations``): a DataFrame
        of ccode1, abbrev1, ccode2, abbrev2, relation, weight and rule. ``actors`` keeps only
        relationships among these states; ``profile`` is a profile name (default, v1, v2, events)
        or a TOML file."""
        return _frame(self._session.relations(year, _names(actors), profile))

    def triangle(self, a, b, c, from_=None, to=None, year=None, profile=None):
        """The strategic triangle of three states (Dittmer), year by year (``entente triangle``).

        ``triangle('USA', 'CHN', 'RUS', 1950, 2012)`` is the timeline from 1950 to 2012; with
        neither ``from_`` nor ``to``, the one ``year`` (default 2012). A DataFrame, one row per
        year: year, type, roles (a dict: each state's role and rank) and ties (a dict per pair:
        relation, weight, amity, margin, rule); .attrs has actors, changes, profile and source.
        """
        return _frame(self._session.triangle(str(a), str(b), str(c), from_, to, year, profile))

    def explain(self, a, b, year=2012, profile=None):
        """Which evidence and which rule decide the relationship of two states in a year
        (``entente explain``), as a dict."""
        return json.loads(self._session.explain(str(a), str(b), year, profile))

    def balancer(self, year=2012, top=None, profile=None):
        """Every triad of a year: who holds the pivot, how flexibly (``entente balancer``): a
        DataFrame ranked by pivots; ``top`` keeps the first N."""
        return _frame(self._session.balancer(year, top, profile))

    def balance(self, year, window=None, min_weight=None, time_limit=600, method="auto", profile=None):
        """Structural balance and the exact frustration index of a year's stance graph
        (``entente balance --year``), as a dict: ``rows`` (one summary row) and ``graphs`` (sides,
        frustrated edges, bounds). ``window``: a window of that many years from ``year``;
        ``method``: auto, exact or bounds; ``time_limit`` in seconds; ``min_weight``: ties weaker
        than this are left out (None: the CLI's default)."""
        return json.loads(self._session.balance(year, window, min_weight, time_limit, method, profile))

    def blocs(self, from_=2000, to=2012, window=None, k=2, alpha=0.5, restarts=100, seed=1, time_limit=None,
              min_weight=None, profile=None):
        """Blocs (Doreian-Mrvar) year by year and who switched sides (``entente blocs``): a
        DataFrame, one row per period; .attrs has the periods' memberships."""
        return _frame(self._session.blocs(from_, to, window, k, alpha, restarts, seed, time_limit, min_weight,
                                          profile))

    def landscape(self, year, actors, method="exact", threads=0, seed=1, starts=100000, profile=None):
        """Alignments predicted by landscape theory (Axelrod & Bennett 1993) for ``actors`` in
        ``year`` (``entente landscape --year --actors``), as a dict; its ``rows`` are the local
        minima. ``method``: exact or heuristic (``seed``, ``starts``)."""
        return json.loads(self._session.landscape(year, _names(actors), method, threads, seed, starts, profile))

    def dyads(self, from_=1816, to=2012, directed=False, relevant=False, actors=None, with_=None,
              universe="simultaneous", contiguity="closest", threads=0):
        """Dyad-years with evidence layers merged in (``entente dyads``): a DataFrame of ccode1,
        ccode2, year and one column per layer field (missing is NaN).

        ``with_``: layers (a list or "atop,contiguity"): alliances, atop, capabilities,
        contiguity, disputes, rivalries, trade, votes, democracy, majors, similarity, dca, igos,
        idealpoints. ``actors``: only dyads among these states. ``universe``: simultaneous or
        any; ``contiguity``: closest or january (docs/dyads.md). .attrs has source, from, to,
        directed and missing_datasets.
        """
        return _frame(self._session.dyads(from_, to, directed, relevant, _names(actors), _names(with_), universe,
                                          contiguity, threads))

    def states(self, from_=1816, to=2012, actors=None, with_=None, universe="simultaneous"):
        """State-years with state-level evidence (``entente states``): a DataFrame of ccode, year
        and the layers' columns (``with_``: capabilities, democracy, majors, trade, idealpoints)."""
        return _frame(self._session.states(from_, to, _names(actors), _names(with_), universe))

    def idealpoints(self, from_=None, to=None, actors=None):
        """One-dimensional UN ideal points per state-year (``entente idealpoints``): a DataFrame
        of ccode, abbrev, year, idealpoint and votes; the years default to the store's UN votes."""
        return _frame(self._session.idealpoints(from_, to, _names(actors)))

    def scenario(self, path, members=None, seed=None, runs=None, threads=0, profile=None):
        """A what-if scenario (TOML, docs/scenarios.md): every model before and after its shocks,
        with dynamics and ensemble (``entente scenario FILE``), as a dict. The store is this
        World's when it was opened on one, else the scenario's [base] store, else the bundled
        world; ``members``, ``seed`` and ``runs`` override the file's."""
        return json.loads(self._session.scenario(os.fspath(path), members, seed, runs, threads, profile))

    def bargain(self, path, variant="default", rounds=1000, tolerance=None, members=0, seed=1, threads=0):
        """Expected-utility bargaining (Bueno de Mesquita) on the issue in ``path`` (CSV or TOML;
        ``entente bargain FILE``), as a dict with every round's details; needs no store."""
        return json.loads(self._session.bargain(os.fspath(path), variant, rounds, tolerance, members, seed, threads))
