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


@pytest.mark.parametrize("argv", [["validate"], ["--help"], ["-h"], ["--bogus"], ["--data"], ["--smoke=1"],
                                  ["--data", "d", "export", "--format", "csv"]])
def test_anything_else_goes_to_the_whole_parser(argv):
    assert app_options(argv) is None


def test_version_from_the_fast_path(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip().startswith("trainer ")


@pytest.mark.parametrize("argv, words", [(["--bogus"], "unrecognized arguments: --bogus"),
                                         (["--data"], "expected one argument"),
                                         (["--smoke=1"], "ignored explicit argument")])
def test_bad_app_options_get_the_parsers_one_line(argv, words, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1
