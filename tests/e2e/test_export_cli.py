"""``trainer export`` and ``trainer restore`` as a person runs them."""

import csv
import json
import os
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from trainer.cli import main
from trainer.records.store import open_store
from trainer.tools.demo_export import fill_demo


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    store = open_store(folder)
    fill_demo(store)
    store.close()
    return folder


def run(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.mark.slow
def test_pdf_from_the_command_line_without_a_display(data, tmp_path):
    out = tmp_path / "portfolio.pdf"
    result = run(
        "export", "--format", "pdf", "--data", str(data), "--from", "2026-01-01", "--to", "2026-02-28", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    texts = [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(str(out)).pages]
    # cover + modules, sessions, reflections, ratings, goals, scenarios (ratings may take two)
    assert len(texts) >= 7 and all(f"{i}. " in " ".join(texts) for i in range(1, 7))
    assert "1 January 2026 to 28 February 2026" in texts[0]
    assert "Modules completed: 1 h 35 min" in texts[0]  # the fifth module was done in March
    assert "3 March 2026" not in " ".join(texts)


def test_html_md_xapi_json_and_csv_files(data, tmp_path, capsys):
    for fmt in ("html", "md", "xapi", "json"):
        assert main(["export", "--format", fmt, "--data", str(data), "-o", str(tmp_path / f"o.{fmt}")]) == 0
    assert "Letting Mr Ellery set the agenda" in (tmp_path / "o.html").read_text(encoding="utf-8")
    assert (tmp_path / "o.md").read_text(encoding="utf-8").startswith("# Continuing professional")
    assert len(json.loads((tmp_path / "o.xapi").read_text(encoding="utf-8"))) == 28  # 5 of them answers to checks
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["scope"] == "all profiles"
    assert main(["export", "--format", "csv", "--data", str(data), "-o", str(tmp_path / "sheet.csv")]) == 0
    for table in ("progress", "ratings", "checks"):
        with open(tmp_path / f"sheet-{table}.csv", encoding="utf-8-sig", newline="") as fh:
            assert list(csv.DictReader(fh))
    assert (
        main(
            [
                "export",
                "--format",
                "csv",
                "--table",
                "ratings",
                "--data",
                str(data),
                "--profile",
                "default",
                "-o",
                str(tmp_path / "only.csv"),
            ]
        )
        == 0
    )
    with open(tmp_path / "only.csv", encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 18


def test_backup_then_restore_twice(data, tmp_path, capsys):
    backup = tmp_path / "move.json"
    assert main(["export", "--format", "json", "--data", str(data), "-o", str(backup)]) == 0
    fresh = tmp_path / "new"
    assert main(["restore", str(backup), "--data", str(fresh)]) == 0
    assert main(["restore", str(backup), "--data", str(fresh)]) == 0
    out = capsys.readouterr().out.splitlines()
    # 24 records, the 5 answers to knowledge checks (check_attempt) among them
    assert "24 added" in out[-2] and "0 added" in out[-1] and "24 already there" in out[-1]


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "--format", "docx", "-o", "x"], "unknown format 'docx'"),
        (["export", "--format", "md", "--from", "31/01/2026", "-o", "x.md"], "from date '31/01/2026'"),
        (["export", "--format", "md", "--to", "2026-02-30", "-o", "x.md"], "to date '2026-02-30'"),
        (["export", "--format", "md", "--sections", "modules,gossip", "-o", "x.md"], "unknown section 'gossip'"),
        (["export", "--format", "md", "--profile", "nobody", "-o", "x.md"], "no profile 'nobody'"),
        (["export", "--format", "md", "-o", "no-such-folder/x.md"], "folder not found"),
        (["export", "--format", "md"], "required: -o"),
        (["restore", "missing.json"], "file not found"),
        (["export", "--format", "xapi", "--xapi-home", "lms.example", "-o", "x.json"], "xapi home page"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(data, tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(args + ["--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_missing_data_folder(tmp_path, capsys):
    assert main(["export", "--format", "md", "--data", str(tmp_path / "none"), "-o", str(tmp_path / "x.md")]) == 2
    assert "data folder not found" in capsys.readouterr().err and not (tmp_path / "none").exists()


def test_xapi_accounts_can_use_the_organisations_home_page(data, tmp_path):
    out = tmp_path / "x.json"
    assert (
        main(
            [
                "export",
                "--format",
                "xapi",
                "--data",
                str(data),
                "--xapi-home",
                "https://lms.example.org/",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    statements = json.loads(out.read_text(encoding="utf-8"))
    mine = [s for s in statements if s["verb"]["id"] != "http://adlnet.gov/expapi/verbs/attended"]
    assert {s["actor"]["account"]["homePage"] for s in mine} == {"https://lms.example.org"}


def test_restore_waits_for_the_app_to_let_go_of_the_folder(data, tmp_path, capsys):
    from trainer.records.store import open_store as open_records

    backup = tmp_path / "b.json"
    assert main(["export", "--format", "json", "--data", str(data), "-o", str(backup)]) == 0
    target = tmp_path / "in-use"
    running = open_records(target, lock=True)  # as the app holds it
    try:
        # exporting still works while the folder is in use ...
        assert main(["export", "--format", "md", "--data", str(target), "-o", str(tmp_path / "x.md")]) == 0
        # ... restoring is refused with one plain line
        assert main(["restore", str(backup), "--data", str(target)]) == 2
    finally:
        running.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert main(["restore", str(backup), "--data", str(target)]) == 0
