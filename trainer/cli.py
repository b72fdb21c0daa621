"""Command line: ``trainer [options]`` runs the app; sub-commands do the rest.

Bad arguments get one plain line on stderr and exit status 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from trainer import __version__

EXIT_USAGE = 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, no usage dump
        raise UsageError(message)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not '{text}'") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"size {text} is out of range (320x240 to 7680x4320)")
    return w, h


_APP_VALUE_OPTIONS = ("--content", "--data", "--profile")
_APP_FLAGS = ("--smoke", "--version")


def app_options(argv: list[str]) -> argparse.Namespace | None:
    """``argv`` read directly when it just starts the app (its own options, no command, no
    help), else None: then the whole parser reads it and words any error.

    Making an argparse parser looks for translations on disk, which is a noticeable
    part of start-up; the common case does not need it.
    """
    found = argparse.Namespace(command=None, content=None, data=None, smoke=False, profile=None, version=False)
    args = iter(argv)
    for arg in args:
        name, equals, value = arg.partition("=")
        if name in _APP_VALUE_OPTIONS:
            given = value if equals else next(args, None)
            if not given:
                return None  # let the whole parser say what is missing
            setattr(found, name[2:], Path(given) if name in ("--content", "--data") else given)
        elif arg in _APP_FLAGS:
            setattr(found, arg[2:], True)
        else:
            return None
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="trainer", description="Practitioner Trainer: self-management support course.")
    parser.add_argument("--version", action="version", version=f"trainer {__version__}")
    parser.add_argument("--content", type=Path, help="course folder (default: the bundled course)")
    parser.add_argument("--data", type=Path, help="data folder (default: TRAINER_DATA or the per-user app folder)")
    parser.add_argument("--smoke", action="store_true", help="open the main window, wait until shown, exit 0")
    parser.add_argument("--profile", metavar="NAME", help="open this learner's profile (made if it does not exist)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("validate", help="check a course folder and print every problem")
    p.add_argument("dir", nargs="?", type=Path, help="course folder (default: the bundled course)")

    p = sub.add_parser("screenshots", help="save PNGs of each main screen (offscreen)")
    p.add_argument("outdir", type=Path)
    p.add_argument("--content", dest="shot_content", type=Path, help="course folder")
    p.add_argument("--size", type=_size, help="window size, e.g. 1280x800 (the default)")
    p.add_argument(
        "--data",
        dest="shot_data",
        type=Path,
        help="data folder to show, from a temporary copy: it is never changed (default: a fresh one)",
    )
    p.add_argument(
        "--session",
        action="store_true",
        help="run the 90-minute taster for 7 people; save control and presenter views "
        "at 1920x1080 and 1280x720, or at --size",
    )
    p.add_argument(
        "--zoom",
        type=int,
        metavar="PERCENT",
        help="only every screen and dialog, light and dark, at this zoom (80-200)",
    )

    p = sub.add_parser("doctor", help="check the records and backups; repair what can be repaired")
    p.add_argument("--data", dest="cmd_data", metavar="DIR", type=Path, help="data folder (default: as for the app)")
    p.add_argument(
        "--restore",
        metavar="BACKUP",
        help="make a backup current again: its folder name (or the start of it), or 'newest'",
    )

    p = sub.add_parser("demo", help="fill a data folder with an invented demo learner")
    p.add_argument("--data", dest="cmd_data", metavar="DIR", type=Path, help="data folder to fill (required)")

    p = sub.add_parser("import-bundle", help="add a feedback bundle from a team session to your records")
    p.add_argument("file", type=Path, help="the .json feedback bundle your trainer gave you")
    p.add_argument("--data", dest="bundle_data", type=Path, help="data folder to import into")
    p.add_argument("--profile", help="profile name to import into (default: the last one used)")
    _add_export_parsers(sub)
    return parser


def _add_export_parsers(sub) -> None:
    p = sub.add_parser("export", help="export a CPD portfolio, spreadsheets, a backup or xAPI")
    p.add_argument(
        "--format",
        dest="fmt",
        required=True,
        metavar="FORMAT",
        help="pdf, html, md (portfolio); csv (spreadsheets); json (backup); xapi",
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="file to write")
    p.add_argument("--profile", help="profile name (default: the last one used; json: all profiles)")
    p.add_argument("--data", dest="sub_data", type=Path, metavar="DIR", help="data folder")
    p.add_argument("--content", dest="sub_content", type=Path, metavar="DIR", help="course folder")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day, e.g. 2026-01-01")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day, e.g. 2026-03-31")
    p.add_argument("--sections", help="portfolio sections, comma separated (default: all)")
    p.add_argument("--table", help="csv: only this table (progress, ratings, checks or reviews); default all four")
    p.add_argument("--xapi-home", metavar="URL", help="xapi: your organisation's home page for accounts")
    p = sub.add_parser("send-xapi", help="send learning records to an LRS (outbox, retried later)")
    p.add_argument("--lrs", required=True, metavar="URL", help="LRS endpoint, e.g. https://lrs.example.org/xAPI/")
    p.add_argument("--user", default="", help="LRS user name (password: TRAINER_LRS_PASSWORD or asked)")
    p.add_argument("--profile", help="profile name (default: the last one used)")
    p.add_argument("--data", dest="sub_data", type=Path, metavar="DIR", help="data folder")
    p.add_argument("--xapi-home", metavar="URL", help="your organisation's home page for accounts")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--actor-mbox", metavar="EMAIL", help="send as this work e-mail (default: the profile's setting)")
    who.add_argument("--actor-account", metavar="NAME", help="send as this account at --xapi-home, e.g. a staff number")
    p = sub.add_parser("restore", help="merge a JSON backup into a data folder")
    p.add_argument("file", type=Path, help="a backup made by 'trainer export --format json'")
    p.add_argument("--data", dest="sub_data", type=Path, metavar="DIR", help="data folder")


def _data_dir(args, required: bool = False) -> Path:
    from trainer.paths import default_data_dir

    folder = getattr(args, "cmd_data", None) or args.data
    if folder is None and required:
        raise UsageError(f"'{args.command}' needs a data folder: --data DIR")
    folder = folder or default_data_dir()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"data folder is a file, not a folder: {folder}")
    return folder


def cmd_doctor(folder: Path, restore: str | None = None) -> int:
    from trainer.domain.safe_text import terminal_text
    from trainer.tools.doctor import run_doctor

    # profile names and file names come from the data folder: no escape sequences from them
    return run_doctor(folder, say=lambda line: print(terminal_text(line)), restore=restore)


def cmd_demo(folder: Path, content_dir: Path) -> int:
    from trainer.content import load_content
    from trainer.records.errors import StoreError
    from trainer.tools.demo_records import make_demo

    try:
        lines = make_demo(folder, load_content(content_dir))
    except (StoreError, OSError) as exc:
        print(f"trainer: error: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0


def _content_dir(path: Path | None) -> Path:
    from trainer.content import default_content

    folder = path if path is not None else default_content()
    if not folder.is_dir():
        raise UsageError(f"content folder not found: {folder}")
    return folder


def cmd_validate(folder: Path) -> int:
    from trainer.content import load_content

    content = load_content(folder)
    from trainer.domain.safe_text import terminal_text
    from trainer.sessions.plans import plan_summary

    for diag in content.diagnostics:  # they quote the files: no escape sequences from them
        print(terminal_text(diag.format()))
    for plan in content.plans:
        print(terminal_text(plan_summary(plan)))
    print(content.summary_line())
    return 1 if content.errors else 0


def cmd_import_bundle(file: Path, data: Path | None, profile: str) -> int:
    from trainer.paths import default_data_dir
    from trainer.records.store import open_store
    from trainer.sessions.bundles import BundleError, import_bundle, read_bundle

    if data is not None and data.exists() and not data.is_dir():
        raise UsageError(f"data folder is a file, not a folder: {data}")
    try:
        read_bundle(file)  # check the file before the data folder is touched
    except BundleError as exc:
        raise UsageError(str(exc)) from None
    from trainer.records.errors import StoreError
    from trainer.services.profiles import ProfileError, ProfileService

    try:
        store = open_store(data or default_data_dir(), lock=True)
    except StoreError as exc:  # e.g. the app has this folder open: import from its File menu
        raise UsageError(str(exc)) from None
    try:
        profiles = ProfileService(store)
        profile_id = (profiles.select_or_create(profile) if profile else profiles.default_profile()).id
        result = import_bundle(store, profile_id, file)
    except (BundleError, ProfileError) as exc:
        raise UsageError(str(exc)) from None
    finally:
        store.close()
    from trainer.domain.safe_text import terminal_text

    print(terminal_text(result.message()))  # the session date comes from the file
    return 0


def _check_display(smoke: bool) -> None:
    """Fail with a plain line, not a Qt abort, when there is no screen."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    if smoke:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    raise UsageError("no display found: run it on a desktop, or set QT_QPA_PLATFORM=offscreen")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = app_options(argv) or build_parser().parse_args(argv)
        if getattr(args, "version", False) is True:
            print(f"trainer {__version__}")
            return 0
        if args.command == "validate":
            return cmd_validate(_content_dir(args.dir))
        if args.command == "import-bundle":
            return cmd_import_bundle(args.file, args.bundle_data or args.data, args.profile)
        if args.command == "screenshots":
            from trainer.app import launch
            from trainer.ui.screenshots.main import save_screenshots

            if args.zoom is not None and not 80 <= args.zoom <= 200:
                raise UsageError(f"--zoom must be a percentage from 80 to 200, not {args.zoom}")
            folder = _content_dir(args.shot_content or args.content)
            if args.session:
                from trainer.ui.screenshots.main import SESSION_SIZES, save_session_screenshots

                saved = save_session_screenshots(
                    launch,
                    args.outdir,
                    folder,
                    sizes=(args.size,) if args.size else SESSION_SIZES,
                    data_dir=args.shot_data or args.data,
                )
            else:
                saved = save_screenshots(
                    launch,
                    args.outdir,
                    folder,
                    args.size or (1280, 800),
                    data_dir=args.shot_data or args.data,
                    zoom=args.zoom,
                )
            for path in saved:
                print(path)
            return 0
        if args.command == "doctor":
            return cmd_doctor(_data_dir(args), args.restore)
        if args.command == "demo":
            return cmd_demo(_data_dir(args, required=True), _content_dir(args.content))
        if args.command in ("export", "restore", "send-xapi"):
            from trainer.cli_export import COMMANDS

            return COMMANDS[args.command](args, UsageError)
        folder = _content_dir(args.content)
        if args.data is not None and args.data.exists() and not args.data.is_dir():
            raise UsageError(f"data folder is a file, not a folder: {args.data}")
        _check_display(args.smoke)
        # No cyclic garbage collection while the app loads: tens of thousands of
        # long-lived objects are made, and collecting them again and again costs
        # start-up time. app.run turns it back on once the window is up.
        gc.disable()
        from trainer.app import run

        return run(content_dir=folder, data_dir=args.data, smoke=args.smoke, profile=args.profile)
    except UsageError as exc:  # often quotes a file: printed without its control characters
        from trainer.domain.safe_text import terminal_text

        print(f"trainer: error: {terminal_text(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
