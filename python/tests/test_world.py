"""entente.World against the CLI: the same query gives the CLI's --format json, field for field."""

import hashlib
import os
import pathlib

import pandas
import pytest

import entente
from conftest import cli_json, frame_json, run_cli, without_seconds


@pytest.fixture(scope="module")
def world():
    return entente.World()


def test_triangle_1950_2012_is_the_cli_json(world):
    frame = world.triangle("USA", "CHN", "RUS", 1950, 2012)
    cli = cli_json("triangle", "USA", "CHN", "RUS", "--from", 1950, "--to", 2012)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(cli["rows"][0].keys())
    assert len(frame) == 2012 - 1950 + 1
    assert frame_json(frame) == cli


def test_dyads_are_the_cli_json(world):
    frame = world.dyads(from_=1990, to=1992, with_=["atop", "contiguity", "majors", "capabilities"])
    cli = cli_json("dyads", "--from", 1990, "--to", 1992, "--with", "atop,contiguity,majors,capabilities")
    assert list(frame.columns) == list(cli["rows"][0].keys())
    assert len(frame) == len(cli["rows"]) > 1000
    assert frame_json(frame) == cli
    # Missing stays missing: a column the CLI prints with nulls reads NaN, not 0.
    nulls = sum(row["cinc1"] is None for row in cli["rows"])
    assert frame["cinc1"].isna().sum() == nulls


def test_directed_dyads_among_named_states_are_the_cli_json(world):
    frame = world.dyads(from_=2000, to=2012, directed=True, actors="USA,China,RUS", with_="atop,rivalries")
    cli = cli_json("dyads", "--from", 2000, "--to", 2012, "--directed", "--actors", "USA,China,RUS", "--with",
                   "atop,rivalries")
    assert len(frame) == 6 * 13
    assert frame_json(frame) == cli


@pytest.mark.parametrize(
    "call, args",
    [
        (lambda w: w.info(), ["info"]),
        (lambda w: w.cite(), ["cite"]),
        (lambda w: w.actors(1990), ["actors", "--year", 1990]),
        (lambda w: w.dyad("RUS", "CHN", 2001, 2012), ["dyad", "RUS", "CHN", "--from", 2001, "--to", 2012]),
        (lambda w: w.relations(2012, ["USA", "RUS", "CHN", "IND"]),
         ["relations", "--year", 2012, "--actors", "USA,RUS,CHN,IND"]),
        (lambda w: w.relations(1990, profile="v1"), ["relations", "--year", 1990, "--profile", "v1"]),
        (lambda w: w.explain("RUS", "CHN", 1969), ["explain", "RUS", "CHN", "--year", 1969]),
        (lambda w: w.balancer(2012, top=10), ["balancer", "--year", 2012, "--top", 10]),
        (lambda w: w.balance(2012), ["balance", "--year", 2012]),
        (lambda w: w.blocs(2010, 2012), ["blocs", "--from", 2010, "--to", 2012]),
        (lambda w: w.landscape(2012, "USA,RUS,CHN,IND,JPN"),
         ["landscape", "--year", 2012, "--actors", "USA,RUS,CHN,IND,JPN"]),
        (lambda w: w.states(2010, 2012, with_="capabilities,majors"),
         ["states", "--from", 2010, "--to", 2012, "--with", "capabilities,majors"]),
        (lambda w: w.scenario("examples/russia-china-alliance.toml", members=20, runs=5, threads=1),
         ["scenario", "examples/russia-china-alliance.toml", "--members", 20, "--runs", 5, "--threads", 1]),
        (lambda w: w.bargain("examples/bargain-syria-2012.toml"), ["bargain", "examples/bargain-syria-2012.toml"]),
    ],
    ids=["info", "cite", "actors", "dyad", "relations", "relations-v1", "explain", "balancer", "balance", "blocs",
         "landscape", "states", "scenario", "bargain"],
)
def test_every_verb_is_the_cli_json(world, call, args, monkeypatch, source_dir):
    monkeypatch.chdir(source_dir)  # the example files are named from the repository root
    result = call(world)
    as_json = frame_json(result) if isinstance(result, pandas.DataFrame) else result
    assert without_seconds(as_json) == without_seconds(cli_json(*args))


def test_an_unknown_state_raises_the_cli_message(world):
    code, _, err = run_cli("triangle", "USA", "Atlantis", "RUS")
    assert code == 1
    with pytest.raises(entente.UnknownStateError) as raised:
        world.triangle("USA", "Atlantis", "RUS")
    assert isinstance(raised.value, LookupError)
    assert "entente: " + str(raised.value) == err.strip()


def test_a_bad_layer_and_years_raise_the_cli_message(world):
    for args, call in [
        (["dyads", "--from", 1990, "--to", 1991, "--with", "atop,nosuch"],
         lambda: world.dyads(from_=1990, to=1991, with_="atop,nosuch")),
        (["dyads", "--from", 1995, "--to", 1991], lambda: world.dyads(from_=1995, to=1991)),
        (["relations", "--year", 1700], lambda: world.relations(1700)),
    ]:
        code, _, err = run_cli(*args)
        assert code == 1
        with pytest.raises(RuntimeError) as raised:
            call()
        assert "entente: " + str(raised.value) == err.strip()


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_world_on_a_store_built_here(tmp_path):
    states = tmp_path / "states.csv"
    states.write_text(
        "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
        "USA,2,United States of America,1816,1,1,2016,12,31,2016\n"
        "CAN,20,Canada,1920,1,10,2016,12,31,2016\n"
        "MEX,70,Mexico,1831,1,1,2016,12,31,2016\n")
    atop = tmp_path / "atop.csv"
    atop.write_text(
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
        "2,20,1949,1,0,0,0,0\n20,2,1949,1,0,0,0,0\n")
    db = tmp_path / "store.db"
    code, _, err = run_cli("import", "--db", db, states, atop)
    assert code == 0, err
    before = sha256(db)

    world = entente.World(db)
    assert world.label == str(db)
    actors = world.actors()
    assert list(actors["abbrev"]) == ["USA", "CAN", "MEX"]
    assert frame_json(actors) == cli_json("actors", "--db", db)
    dyads = world.dyads(from_=1949, to=1950, with_="atop")
    assert frame_json(dyads) == cli_json("dyads", "--db", db, "--from", 1949, "--to", 1950, "--with", "atop")
    usa_can_1949 = dyads[(dyads.ccode1 == 2) & (dyads.ccode2 == 20) & (dyads.year == 1949)]
    assert usa_can_1949["atop_defense"].tolist() == [1]
    assert world.info() == cli_json("info", "--db", db)
    # The store is read, never written.
    assert sha256(db) == before
    # A state the store does not hold is unknown there, as on the CLI.
    with pytest.raises(entente.UnknownStateError):
        world.dyad("USA", "RUS")


def test_entente_is_imported_from_the_build_tree_with_its_docstrings():
    # ctest sets PYTHONPATH=build/<preset>/python, as the README says to.
    build_python = pathlib.Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]).resolve()
    assert pathlib.Path(entente.__file__).resolve().parent == build_python / "entente"
    methods = [m for m in dir(entente.World) if not m.startswith("_") and m != "label"]
    assert {"dyads", "triangle", "balance", "landscape", "scenario", "relations", "explain"} <= set(methods)
    for name in methods:
        assert getattr(entente.World, name).__doc__, name


def test_a_missing_store_raises_the_cli_message(tmp_path):
    missing = tmp_path / "missing.db"
    code, _, err = run_cli("info", "--db", missing)
    assert code == 1
    with pytest.raises(RuntimeError) as raised:
        entente.World(missing)
    assert "entente: " + str(raised.value) == err.strip()
    assert not missing.exists()  # opening read-only creates nothing
