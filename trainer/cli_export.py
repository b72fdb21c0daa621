"""``trainer export`` and ``trainer restore`` for the command line.

Everything but PDF is plain Python (``trainer.services.exports``); the PDF
writer needs a QGuiApplication, made offscreen when there is no display.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from trainer.content import default_content, load_content
from trainer.domain.safe_text import terminal_text
from trainer.export.xapi import DEFAULT_HOME, xapi_statements
from trainer.paths import default_data_dir
from trainer.records.errors import StoreError
from trainer.records.store import open_store
from trainer.services.exports import (
    FORMATS,
    ExportError,
    ExportRequest,
    check_home,
    not_written,
    parse_sections,
    resolve_profile,
    run_export,
    run_restore,
)
from trainer.services.lrs import LrsConfig, LrsError, LrsOutbox, describe
from trainer.services.lrs_identity import IdentityError, check_identity, read_identity
from trainer.services.lrs_send import check_address


def _data_dir(args) -> Path:
    return args.sub_data or args.data or default_data_dir()


def _content(args):
    folder = getattr(args, "sub_content", None) or args.content or default_content()
    return load_content(folder) if Path(folder).is_dir() else None


def _pdf_writer(portfolio: dict, path: Path) -> None:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # this command only
    from trainer.printing.documents import write_portfolio_pdf  # lazy: Qt loads only for a PDF

    write_portfolio_pdf(portfolio, path)


def cmd_export(args, usage_error) -> int:
    fmt = (args.fmt or "").lower()
    try:
        if fmt not in FORMATS:
            raise ExportError(f"unknown format '{args.fmt}': choose from {', '.join(FORMATS)}")
        data = _data_dir(args)
        if not data.is_dir():
            raise ExportError(f"data folder not found: {data}")
        req = ExportRequest(
            fmt=fmt,
            output=args.output,
            profile=args.profile,
            start=args.start,
            end=args.end,
            sections=parse_sections(args.sections),
            table=args.table,
        )
        if args.xapi_home:
            req.home = check_home(args.xapi_home)
        store = open_store(data, read_only=True)  # safe while the app has the folder open
        try:
            written = run_export(req, store, _content(args), pdf_writer=_pdf_writer)
        finally:
            store.close()
    except (ExportError, StoreError) as exc:
        raise usage_error(str(exc)) from None
    except OSError as exc:  # an unwritable folder, a full disk: one line, no traceback
        raise usage_error(not_written(Path(args.output), exc)) from None
    for path in written:
        print(path)
    return 0


def cmd_restore(args, usage_error) -> int:
    try:  # one writer at a time: refused plainly while the app has the folder open
        print(terminal_text(run_restore(args.file, _data_dir(args), lambda folder: open_store(folder, lock=True))))
    except (ExportError, StoreError) as exc:
        raise usage_error(str(exc)) from None
    return 0


def _identity(args, store, profile: str) -> dict:
    """--actor-mbox / --actor-account, else what the profile has in File > Settings."""
    mbox, account = getattr(args, "actor_mbox", None), getattr(args, "actor_account", None)
    if mbox is None and account is None:
        return read_identity(store, profile)
    try:
        return check_identity(mbox or "", account or "")
    except IdentityError as exc:
        raise ExportError(str(exc)) from None


def cmd_send_xapi(args, usage_error) -> int:

    data = _data_dir(args)
    try:
        if not data.is_dir():
            raise ExportError(f"data folder not found: {data}")
        address = check_address(args.lrs)  # https, or plain http on this computer only
        home = check_home(args.xapi_home) if args.xapi_home else DEFAULT_HOME
        password = os.environ.get("TRAINER_LRS_PASSWORD")
        if password is None and args.user:
            if not sys.stdin.isatty():
                raise ExportError("set TRAINER_LRS_PASSWORD to the LRS password")
            password = getpass.getpass(f"LRS password for {args.user}: ")
        store = open_store(data, lock=True)  # the outbox is written
        try:
            profile = resolve_profile(store, args.profile)
            identity = _identity(args, store, profile)
            if identity.get("account") and not args.xapi_home:
                raise ExportError("an account (staff number) needs --xapi-home, your organisation's home page")
            outbox = LrsOutbox(store, profile)
            outbox.sync(xapi_statements(store, profile, _content(args), home=home, identity=identity))
            report = outbox.send(LrsConfig(address, args.user, password or ""))
            refused = [describe(e) for e in outbox.refused()]
        finally:
            store.close()
    except (ExportError, LrsError, StoreError) as exc:
        raise usage_error(str(exc)) from None
    for problem in report.problems:
        print(terminal_text(problem), file=sys.stderr)
    for line in refused:
        print(terminal_text(f"Refused by the LRS: {line}"), file=sys.stderr)
    print(terminal_text(report.summary()))
    return 1 if report.still_pending or refused else 0


COMMANDS = {"export": cmd_export, "restore": cmd_restore, "send-xapi": cmd_send_xapi}
