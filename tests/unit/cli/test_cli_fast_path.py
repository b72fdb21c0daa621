"""Starting the app reads its options without building the whole argparse parser;
it must read them exactly as the parser would, and hand anything else to it."""

import pytest

from trainer.cli import app_options, build_parser, main

SAME = [
    [],
    ["--smoke"],
    ["--data", "some/folder", "--smoke"],
    ["--data=some/folder"],
    ["--content", "course", "--profile", "Sam Example"],
    ["--profile=Sam", "--data", "d", "--data", "again"],
]


@pytest.mark.parametrize("argv", SAME)
def test_app_options_read_as_the_parser_reads_them(argv):
    fast = app_options(argv)
    full = build_parser().parse_args(argv)
    assert fast is not None
    for name in ("command", "content", "data", "smoke", "profile"):
        assert getattr(fast, name) == getattr(full, name), name


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["--help"],
        ["-h"],
        ["--bogus"],
        ["--data"],
        ["--smoke=1"],
        ["--data", "d", "export", "--format", "csv"],
    ],
)
def test_anything_else_goes_to_the_whole_parser(argv):
    assert app_options(argv) is None


def test_version_from_the_fast_path(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip().startswith("trainer ")


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--data"], "expected one argument"),
        (["--smoke=1"], "ignored explicit argument"),
    ],
)
def test_bad_app_options_get_the_parsers_one_line(argv, words, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1


def _top_level_options():
    """The parser's own options (not the sub-commands'), by kind, from the parser itself."""
    parser = build_parser()
    flags, values, dests = set(), set(), set()
    for action in parser._actions:
        if not action.option_strings or action.dest == "help":
            continue
        long = next(s for s in action.option_strings if s.startswith("--"))
        (flags if action.nargs == 0 else values).add(long)
        dests.add(action.dest)
    return flags, values, dests


def test_the_fast_path_knows_exactly_the_parsers_options():
    """Adding an option to the parser without the fast path (or the other way) fails here."""
    from trainer.cli import _APP_FLAGS, _APP_VALUE_OPTIONS

    flags, values, dests = _top_level_options()
    assert set(_APP_FLAGS) == flags
    assert set(_APP_VALUE_OPTIONS) == values
    assert set(vars(app_options([]))) == dests | {"command"}


@pytest.mark.parametrize("option", ["--content", "--data", "--profile"])
def test_each_value_option_reads_the_same_type(option):
    fast = app_options([option, "x"])
    full = build_parser().parse_args([option, "x"])
    name = option[2:]
    assert type(getattr(fast, name)) is type(getattr(full, name)) and getattr(fast, name) == getattr(full, name)
